{{%AUTOESCAPE context="HTML"}}
<h1>{{_ review.queue.heading}}</h1>
<p class="muted">{{_ review.queue.intro}}</p>
<form class="filters" method="get" action="/review">
<div class="field">
<label for="state">{{_ application.state}}</label>
<select id="state" name="state">
<option value="">{{_ review.queue.all_states}}</option>
{{#STATE_FILTER}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATE_FILTER}}</select>
</div>
<div class="field"><label for="q">{{_ review.queue.search}}</label><input id="q" name="q" type="search" value="{{Q}}" maxlength="100"></div>
<div class="field"><label for="from">{{_ admin.events.from}}</label><input id="from" name="from" type="date" value="{{FROM}}"></div>
<div class="field"><label for="to">{{_ admin.events.to}}</label><input id="to" name="to" type="date" value="{{TO}}"></div>
<div class="form-actions"><button type="submit" class="button-secondary">{{_ form.filter}}</button></div>
</form>
<p class="button-row export-links">{{_ export.label}} <a class="button button-secondary button-small" href="{{EXPORT_CSV}}" download>{{_ export.csv}}</a> <a class="button button-secondary button-small" href="{{EXPORT_XLSX}}" download>{{_ export.xlsx}}</a></p>
{{#HAS_ROWS}}<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ application.number}}</th><th scope="col">{{_ admin.organization}}</th><th scope="col">{{_ field.credit_code_label}}</th><th scope="col">{{_ application.kind}}</th><th scope="col">{{_ application.state}}</th><th scope="col" class="num">{{_ review.round}}</th><th scope="col">{{_ review.queued}}</th><th scope="col">{{_ review.reviewer}}</th></tr></thead>
<tbody>
{{#QUEUE}}<tr><td><a href="/applications/{{ID}}">#{{ID}}</a></td><td>{{ORGANIZATION}}</td><td><code>{{CREDIT_CODE}}</code></td><td>{{KIND}}</td><td><span class="badge badge-{{STATE_CODE}}">{{STATE}}</span></td><td class="num">{{ROUND}}</td><td class="nowrap">{{QUEUED}}</td><td>{{REVIEWER}}</td></tr>
{{/QUEUE}}
</tbody>
</table></div>{{/HAS_ROWS}}
{{#EMPTY}}<p class="muted">{{_ review.queue.empty}}</p>{{/EMPTY}}
{{#NEXT_PAGE}}<nav class="pager" aria-label="{{_ pager.label}}"><a href="{{NEXT_URL}}">{{_ pager.next}}</a></nav>{{/NEXT_PAGE}}
