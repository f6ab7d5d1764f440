{{%AUTOESCAPE context="HTML"}}
<p><a href="/applications/{{APP_ID}}">{{_ audit.back_to_application}}</a></p>
<h1>{{_ audit.plan.heading}} <span class="muted">{{AUDIT_KIND}}</span></h1>
<p class="muted">{{ORGANIZATION}} · <code>{{CREDIT_CODE}}</code> · {{_ application.heading}} #{{APP_ID}}</p>
{{#FORM_ERRORS}}<p class="notice notice-error" role="alert">{{_ form.errors}}</p>{{/FORM_ERRORS}}
<form method="post" action="{{FORM_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<section class="panel">
<h2>{{_ audit.plan.when}}</h2>
<div class="field-row">
<div class="field"><label for="start-date">{{_ audit.start_date}}</label>
<input id="start-date" name="start_date" type="date" value="{{START_DATE}}" required{{#START_DATE_ERROR}} aria-invalid="true"{{/START_DATE_ERROR}}>
{{#START_DATE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/START_DATE_ERROR}}</div>
<div class="field"><label for="end-date">{{_ audit.end_date}}</label>
<input id="end-date" name="end_date" type="date" value="{{END_DATE}}" required{{#END_DATE_ERROR}} aria-invalid="true"{{/END_DATE_ERROR}}>
{{#END_DATE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/END_DATE_ERROR}}</div>
</div>
<div class="field-row">
<div class="field"><label for="mandays">{{_ review.mandays}}</label>
<input id="mandays" name="mandays" value="{{MANDAYS}}" inputmode="decimal" maxlength="16" required{{#MANDAYS_ERROR}} aria-invalid="true"{{/MANDAYS_ERROR}}>
<p class="field-hint">{{_ audit.plan.mandays_hint}}</p>
{{#MANDAYS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/MANDAYS_ERROR}}</div>
<div class="field"><label for="mandays-reason">{{_ review.mandays_reason}}</label>
<input id="mandays-reason" name="mandays_reason" value="{{MANDAYS_REASON}}" maxlength="1000"{{#MANDAYS_REASON_ERROR}} aria-invalid="true"{{/MANDAYS_REASON_ERROR}}>
{{#MANDAYS_REASON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/MANDAYS_REASON_ERROR}}</div>
</div>
</section>
<section class="panel" id="team">
<h2>{{_ audit.plan.team}}</h2>
<p class="field-hint">{{_ audit.plan.team_hint}}</p>
{{#TEAM_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TEAM_ERROR}}
{{#TEAM_PROBLEMS}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/TEAM_PROBLEMS}}
{{#NO_AUDITORS}}<p class="muted">{{_ audit.plan.no_auditors}}</p>{{/NO_AUDITORS}}
<div class="table-wrap"><table class="data team">
<thead><tr><th scope="col">{{_ audit.auditor}}</th><th scope="col">{{_ audit.leader}}</th><th scope="col">{{_ audit.member}}</th><th scope="col">{{_ audit.valid_until}}</th><th scope="col">{{_ audit.fitness}}</th></tr></thead>
<tbody>
{{#AUDITORS}}<tr><td>{{AUDITOR_NAME}}</td>
<td data-label="{{_ audit.leader}}"><input type="radio" name="leader" value="{{AUDITOR_ID}}"{{#LEADER}} checked{{/LEADER}} aria-label="{{_ audit.leader}}: {{AUDITOR_NAME}}"></td>
<td data-label="{{_ audit.member}}"><input type="checkbox" name="member" value="{{AUDITOR_ID}}"{{#MEMBER}} checked{{/MEMBER}} aria-label="{{_ audit.member}}: {{AUDITOR_NAME}}"></td>
<td class="nowrap" data-label="{{_ audit.valid_until}}">{{VALID_UNTIL}}</td>
<td>{{#UNFIT}}<span class="badge badge-declined">{{WHY}}</span>{{/UNFIT}}{{#FIT}}<span class="badge badge-accepted">{{_ audit.refusal.ok}}</span>{{/FIT}}</td></tr>
{{/AUDITORS}}
</tbody>
</table></div>
</section>
<section class="panel" id="outlets">
<h2>{{_ audit.plan.outlets}}</h2>
<p>{{_ audit.plan.sample_text}}</p>
{{#OUTLETS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OUTLETS_ERROR}}
<div class="table-wrap"><table class="data plan-outlets">
<thead><tr><th scope="col">{{_ audit.visit}}</th><th scope="col">{{_ outlet.name}}</th><th scope="col">{{_ outlet.city}}</th><th scope="col">{{_ outlet.address}}</th></tr></thead>
<tbody>
{{#PLAN_OUTLETS}}<tr><td><input type="checkbox" name="outlet" value="{{OUTLET_ID}}"{{#CHECKED}} checked{{/CHECKED}} aria-label="{{_ audit.visit}}: {{NAME}}"></td><td>{{NAME}}</td><td>{{CITY}}</td><td>{{ADDRESS}}</td></tr>
{{/PLAN_OUTLETS}}
</tbody>
</table></div>
</section>
<div class="form-actions"><button type="submit">{{_ audit.plan.submit}}</button></div>
</form>
