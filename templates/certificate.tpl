{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
<h1>{{_ certificate.heading}} {{CERT_NUMBER}} <span class="badge badge-cert-{{CERT_STATUS_CODE}}">{{CERT_STATUS}}</span></h1>
</div>
{{#ISSUED}}<p class="notice notice-success" role="status">{{_ certificate.issued}}</p>{{/ISSUED}}
<section class="panel">
<dl class="facts">
<dt>{{_ certificate.organization}}</dt><dd>{{ORG_NAME}}</dd>
<dt>{{_ field.credit_code_label}}</dt><dd><code>{{CREDIT_CODE}}</code></dd>
<dt>{{_ certificate.address}}</dt><dd>{{ADDRESS}}</dd>
<dt>{{_ certificate.scope}}</dt><dd class="pre">{{SCOPE:pre_escape}}</dd>
<dt>{{_ certificate.standard}}</dt><dd>{{STANDARD}}</dd>
<dt>{{_ certificate.level}}</dt><dd><span class="badge badge-level-{{LEVEL_CODE}}">{{LEVEL}}</span></dd>
<dt>{{_ certificate.dates}}</dt><dd>{{ISSUE_DATE}} – {{EXPIRY_DATE}}</dd>
<dt>{{_ certificate.surveillance}}</dt><dd>{{S1_DUE}} · {{S2_DUE}}</dd>
<dt>{{_ certificate.version}}</dt><dd>{{CERT_VERSION}}</dd>
</dl>
<p><a class="button" href="/certificates/{{CERT_ID}}/pdf">{{_ certificate.download}}</a></p>
<p class="field-hint">{{_ certificate.verify_hint}} <a href="{{VERIFY_URL}}">{{_ certificate.verify_link}}</a></p>
</section>
{{#STATUS_CHANGED}}<p class="notice notice-success" role="status">{{_ certificate.status_changed}}</p>{{/STATUS_CHANGED}}
<div class="certificate-actions">{{#ACTIONS}}<section class="panel certificate-action certificate-action-{{ACTION}}">
<h2>{{ACTION_LABEL}}</h2>
<form method="post" action="/certificates/{{CERT_ID}}/status">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="{{ACTION}}">
{{#NEEDS_CODE}}<div class="field"><label for="code-{{ACTION}}">{{_ certificate.reason_code}}</label>
<select id="code-{{ACTION}}" name="reason_code">
<option value="surveillance_overdue">{{_ certificate.reason.surveillance_overdue}}</option>
<option value="serious_nonconformity">{{_ certificate.reason.serious_nonconformity}}</option>
<option value="misuse">{{_ certificate.reason.misuse}}</option>
<option value="complaints">{{_ certificate.reason.complaints}}</option>
<option value="other">{{_ certificate.reason.other}}</option>
</select></div>{{/NEEDS_CODE}}
<div class="field"><label for="reason-{{ACTION}}">{{_ certificate.reason_text}}</label><textarea id="reason-{{ACTION}}" name="reason" rows="2" maxlength="2000" required></textarea></div>
<div class="form-actions"><button type="submit" class="button-secondary">{{ACTION_LABEL}}</button></div>
</form>
</section>{{/ACTIONS}}</div>
<section class="panel" id="surveillance">
<h2>{{_ certificate.surveillance_cases}}</h2>
{{#SPECIAL_FORM}}<details class="subform"><summary>{{_ certificate.special}}</summary>
<form method="post" action="/certificates/{{CERT_ID}}/special">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="special-reason">{{_ certificate.special_reason}}</label><textarea id="special-reason" name="reason" rows="2" maxlength="2000" required></textarea></div>
<div class="form-actions"><button type="submit" class="button-secondary">{{_ certificate.special}}</button></div>
</form></details>{{/SPECIAL_FORM}}
<ul class="compact">{{#SURVEILLANCE}}<li>{{KIND}} · {{_ certificate.due}} {{DUE}} <span class="badge badge-case-{{CASE_STATE_CODE}}">{{CASE_STATE}}</span>{{#CASE_AUDIT}} <a href="/audits/{{AUDIT_ID}}">{{_ audit.open}}</a>{{/CASE_AUDIT}}{{#CASE_PLAN}} <a href="/surveillance/{{CASE_ID}}/audit">{{_ certificate.plan_surveillance}}</a>{{/CASE_PLAN}}</li>{{/SURVEILLANCE}}</ul>
</section>
<section class="panel" id="history">
<h2>{{_ certificate.history}}</h2>
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ certificate.on}}</th><th scope="col">{{_ certificate.what}}</th><th scope="col">{{_ certificate.why}}</th><th scope="col">{{_ certificate.who}}</th></tr></thead>
<tbody>
{{#HISTORY}}<tr><td class="nowrap">{{ON}}</td><td>{{CHANGE}}{{_ punct.colon}}{{FROM}} → {{TO}}</td><td>{{REASON_CODE}} {{REASON}}</td><td>{{ACTOR}}</td></tr>
{{/HISTORY}}
</tbody></table></div>
</section>
