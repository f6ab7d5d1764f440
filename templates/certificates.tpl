{{%AUTOESCAPE context="HTML"}}
<h1>{{_ certificates.heading}}</h1>
{{#REPORT_LINK}}<p><a href="/reports/monthly">{{_ report.heading}}</a></p>{{/REPORT_LINK}}
<form class="filters" method="get" action="/certificates">
<div class="field"><label for="q">{{_ certificates.search}}</label><input id="q" name="q" type="search" value="{{Q}}" maxlength="100"></div>
<div class="field">
<label for="status">{{_ certificate.status}}</label>
<select id="status" name="status">
<option value="">{{_ certificates.all_statuses}}</option>
{{#STATUS_FILTER}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_FILTER}}</select>
</div>
<div class="field">
<label for="level">{{_ certificate.level}}</label>
<select id="level" name="level">
<option value="">{{_ certificates.all_levels}}</option>
{{#LEVEL_FILTER}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/LEVEL_FILTER}}</select>
</div>
<div class="form-actions"><button type="submit" class="button-secondary">{{_ form.filter}}</button></div>
</form>
<p class="button-row export-links">{{_ export.label}} <a class="button button-secondary button-small" href="{{EXPORT_CSV}}" download>{{_ export.csv}}</a> <a class="button button-secondary button-small" href="{{EXPORT_XLSX}}" download>{{_ export.xlsx}}</a></p>
{{#NO_CERTS}}<p class="muted">{{_ certificates.none}}</p>{{/NO_CERTS}}
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ certificate.number}}</th><th scope="col">{{_ certificate.organization}}</th><th scope="col">{{_ certificate.level}}</th><th scope="col">{{_ certificate.status}}</th><th scope="col">{{_ certificate.issue_date}}</th><th scope="col">{{_ certificate.expiry_date}}</th><th scope="col">{{_ certificates.surveillance_due}}</th></tr></thead>
<tbody>
{{#CERTS}}<tr><td><a href="/certificates/{{CERT_ID}}">{{CERT_NUMBER}}</a></td><td>{{ORG_NAME}}</td><td><span class="badge badge-level-{{LEVEL_CODE}}">{{LEVEL}}</span></td><td><span class="badge badge-cert-{{CERT_STATUS_CODE}}">{{CERT_STATUS}}</span> <span class="muted register-code">{{REGISTER_CODE}}</span></td><td class="nowrap">{{ISSUE_DATE}}</td><td class="nowrap">{{EXPIRY_DATE}}</td><td class="nowrap">{{SURVEILLANCE_DUE}}</td></tr>
{{/CERTS}}
</tbody></table></div>
{{#MORE_CERTS}}<p class="muted">{{_ certificates.more}}</p>{{/MORE_CERTS}}
