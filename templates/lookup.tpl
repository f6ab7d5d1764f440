{{%AUTOESCAPE context="HTML"}}
<h1>{{_ lookup.heading}}</h1>
<p class="muted">{{_ lookup.intro}}</p>
<form class="filters" method="get" action="/lookup" role="search">
<div class="field"><label for="q">{{_ lookup.query}}</label><input id="q" name="q" type="search" value="{{Q}}" maxlength="100" required></div>
<div class="form-actions"><button type="submit">{{_ lookup.search}}</button></div>
</form>
{{#NO_RESULTS}}<p class="muted">{{_ lookup.none}}</p>{{/NO_RESULTS}}
{{#MORE}}<p class="notice" role="status">{{_ lookup.more}}</p>{{/MORE}}
{{#HAS_RESULTS}}<div class="table-wrap"><table class="data register">
<thead><tr><th scope="col">{{_ certificate.number}}</th><th scope="col">{{_ certificate.organization}}</th><th scope="col">{{_ certificate.level}}</th><th scope="col">{{_ certificate.scope}}</th><th scope="col">{{_ certificate.issue_date}}</th><th scope="col">{{_ certificate.expiry_date}}</th><th scope="col">{{_ certificate.status}}</th></tr></thead>
<tbody>
{{#RESULTS}}<tr><td><a href="/verify/{{CERT_NUMBER}}">{{CERT_NUMBER}}</a></td><td>{{ORG_NAME}}</td><td><span class="badge badge-level-{{LEVEL_CODE}}">{{LEVEL}}</span></td><td>{{SCOPE}}</td><td class="nowrap" data-label="{{_ certificate.issue_date}}">{{ISSUE_DATE}}</td><td class="nowrap" data-label="{{_ certificate.expiry_date}}">{{EXPIRY_DATE}}</td><td><span class="badge badge-cert-{{CERT_STATUS_CODE}}">{{CERT_STATUS}}</span></td></tr>
{{/RESULTS}}
</tbody></table></div>{{/HAS_RESULTS}}
