{{%AUTOESCAPE context="HTML"}}
<h1>{{_ conflicts.heading}}</h1>
{{#DONE}}<p class="notice notice-success" role="status">{{MESSAGE}}</p>{{/DONE}}
<p class="muted">{{_ conflicts.intro}}</p>
{{#FORM_ERRORS}}<p class="notice notice-error" role="alert">{{_ form.errors}}</p>{{/FORM_ERRORS}}
<section class="panel">
<h2>{{_ conflicts.list}}</h2>
{{#NO_CONFLICTS}}<p class="muted">{{_ conflicts.none}}</p>{{/NO_CONFLICTS}}
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ admin.organization}}</th><th scope="col">{{_ field.credit_code_label}}</th><th scope="col">{{_ conflicts.relation}}</th><th scope="col">{{_ conflicts.from}}</th><th scope="col">{{_ conflicts.to}}</th><th scope="col">{{_ conflicts.note}}</th><th scope="col"><span class="visually-hidden">{{_ outlet.actions}}</span></th></tr></thead>
<tbody>
{{#CONFLICTS}}<tr><td>{{CONFLICT_ORG}}</td><td><code>{{CONFLICT_CODE}}</code></td><td>{{RELATION}}</td><td class="nowrap">{{FROM}}</td><td class="nowrap">{{TO}}</td><td>{{NOTE}}</td>
<td><form class="inline" method="post" action="/account/conflicts/{{CONFLICT_ID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="button-secondary button-small">{{_ conflicts.withdraw}}</button></form></td></tr>
{{/CONFLICTS}}
</tbody>
</table></div>
</section>
<section class="panel">
<h2>{{_ conflicts.add}}</h2>
<form method="post" action="/account/conflicts">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field-row">
<div class="field"><label for="c-org">{{_ admin.organization}}</label><input id="c-org" name="organization" value="{{CONFLICT_ORGANIZATION}}" maxlength="200" required>{{#CONFLICT_ORGANIZATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CONFLICT_ORGANIZATION_ERROR}}</div>
<div class="field"><label for="c-code">{{_ field.credit_code_label}}</label><input id="c-code" name="credit_code" value="{{CREDIT_CODE}}" maxlength="32" required>{{#CREDIT_CODE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CREDIT_CODE_ERROR}}</div>
</div>
<div class="field-row">
<div class="field"><label for="c-rel">{{_ conflicts.relation}}</label><select id="c-rel" name="relation">{{#RELATIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/RELATIONS}}</select></div>
<div class="field"><label for="c-from">{{_ conflicts.from}}</label><input id="c-from" name="from_date" type="date" value="{{FROM_DATE}}" required>{{#FROM_DATE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/FROM_DATE_ERROR}}</div>
<div class="field"><label for="c-to">{{_ conflicts.to}}</label><input id="c-to" name="to_date" type="date" value="{{TO_DATE}}"><p class="field-hint">{{_ conflicts.to_hint}}</p>{{#TO_DATE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TO_DATE_ERROR}}</div>
</div>
<div class="field"><label for="c-note">{{_ conflicts.note}}</label><input id="c-note" name="note" value="{{NOTE}}" maxlength="1000"></div>
<div class="form-actions"><button type="submit">{{_ conflicts.add_submit}}</button></div>
</form>
</section>
