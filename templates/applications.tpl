{{%AUTOESCAPE context="HTML"}}
<h1>{{TITLE}}</h1>
{{#APPLICANT}}<section class="panel">
<h2>{{_ applications.new}}</h2>
<form class="filters" method="post" action="/applications">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="kind">{{_ application.kind}}</label>
<select id="kind" name="kind">
<option value="initial">{{_ application.kind.initial}}</option>
<option value="recertification">{{_ application.kind.recertification}}</option>
</select>
</div>
<div class="form-actions"><button type="submit">{{_ applications.create}}</button></div>
</form>
</section>
<p class="button-row export-links">{{_ export.label}} <a class="button button-secondary button-small" href="{{EXPORT_CSV}}" download>{{_ export.csv}}</a> <a class="button button-secondary button-small" href="{{EXPORT_XLSX}}" download>{{_ export.xlsx}}</a></p>
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ application.number}}</th><th scope="col">{{_ application.kind}}</th><th scope="col">{{_ application.state}}</th><th scope="col">{{_ application.next_step}}</th><th scope="col">{{_ application.created}}</th><th scope="col">{{_ application.submitted}}</th></tr></thead>
<tbody>
{{#OWN}}<tr><td><a href="/applications/{{ID}}">#{{ID}}</a></td><td>{{KIND}}</td><td><span class="badge badge-{{STATE_CODE}}">{{STATE}}</span></td><td>{{NEXT}}</td><td>{{CREATED}}</td><td>{{SUBMITTED}}</td></tr>
{{/OWN}}
</tbody>
</table></div>{{/APPLICANT}}
{{#STAFF}}<form class="filters" method="get" action="/applications">
<div class="field">
<label for="state">{{_ application.state}}</label>
<select id="state" name="state">
<option value="">{{_ review.queue.all_states}}</option>
{{#STATE_FILTER}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATE_FILTER}}</select>
</div>
<div class="field"><label for="q">{{_ review.queue.search}}</label><input id="q" name="q" type="search" value="{{Q}}" maxlength="100"></div>
<div class="field"><label for="from">{{_ applications.submitted_from}}</label><input id="from" name="from" type="date" value="{{FROM}}"></div>
<div class="field"><label for="to">{{_ applications.submitted_to}}</label><input id="to" name="to" type="date" value="{{TO}}"></div>
<div class="form-actions"><button type="submit" class="button-secondary">{{_ form.filter}}</button></div>
</form>
<p class="button-row export-links">{{_ export.label}} <a class="button button-secondary button-small" href="{{EXPORT_CSV}}" download>{{_ export.csv}}</a> <a class="button button-secondary button-small" href="{{EXPORT_XLSX}}" download>{{_ export.xlsx}}</a></p>
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ application.number}}</th><th scope="col">{{_ admin.organization}}</th><th scope="col">{{_ field.credit_code_label}}</th><th scope="col">{{_ application.kind}}</th><th scope="col">{{_ application.state}}</th><th scope="col">{{_ application.submitted}}</th></tr></thead>
<tbody>
{{#SUBMITTED_LIST}}<tr><td><a href="/applications/{{ID}}">#{{ID}}</a></td><td>{{ORGANIZATION}}</td><td><code>{{CREDIT_CODE}}</code></td><td>{{KIND}}</td><td><span class="badge badge-{{STATE_CODE}}">{{STATE}}</span></td><td>{{SUBMITTED}}</td></tr>
{{/SUBMITTED_LIST}}
</tbody>
</table></div>
{{#NEXT_PAGE}}<nav class="pager" aria-label="{{_ pager.label}}"><a href="{{NEXT_URL}}">{{_ pager.older}}</a></nav>{{/NEXT_PAGE}}{{/STAFF}}
{{#NO_APPLICATIONS}}<p class="muted">{{_ applications.none}}</p>{{/NO_APPLICATIONS}}
