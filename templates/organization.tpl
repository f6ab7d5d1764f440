{{%AUTOESCAPE context="HTML"}}
<h1>{{ORG_NAME}}</h1>
<section class="panel">
<h2>{{_ organization.details}}</h2>
<dl class="facts">
<dt>{{_ field.credit_code_label}}</dt><dd><code>{{CREDIT_CODE}}</code></dd>
<dt>{{_ field.address}}</dt><dd>{{ADDRESS}}</dd>
<dt>{{_ field.legal_representative}}</dt><dd>{{LEGAL_REP}}</dd>
<dt>{{_ field.contact_name}}</dt><dd>{{CONTACT_NAME}}</dd>
<dt>{{_ field.contact_phone}}</dt><dd>{{CONTACT_PHONE}}</dd>
<dt>{{_ field.contact_email}}</dt><dd>{{CONTACT_EMAIL}}</dd>
</dl>
</section>
<section class="panel">
<h2>{{_ organization.users}}</h2>
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ field.name}}</th><th scope="col">{{_ field.email_label}}</th><th scope="col">{{_ admin.status}}</th></tr></thead>
<tbody>
{{#USERS}}<tr><td>{{NAME}}</td><td>{{EMAIL}}</td><td>{{#DISABLED}}<span class="badge badge-error">{{_ admin.disabled}}</span>{{/DISABLED}}{{#ACTIVE}}<span class="badge badge-success">{{_ admin.enabled}}</span>{{/ACTIVE}}</td></tr>
{{/USERS}}
</tbody>
</table></div>
{{#PENDING}}<h3>{{_ organization.pending}}</h3>
<ul>
{{#INVITATIONS}}<li>{{EMAIL}} <span class="muted">{{_ organization.expires}} {{EXPIRES}}</span></li>
{{/INVITATIONS}}</ul>{{/PENDING}}
</section>
<section class="panel">
<h2>{{_ organization.invite}}</h2>
<p class="muted">{{_ organization.invite_help}}</p>
{{#FORM_ERRORS}}<p class="notice notice-error" role="alert">{{_ form.errors}}</p>{{/FORM_ERRORS}}
<form method="post" action="/organization/invitations">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="invite_email">{{_ field.email_label}}</label>
<input id="invite_email" name="email" type="email" value="{{INVITE_EMAIL}}" maxlength="254" required{{#INVITE_EMAIL_ERROR}} aria-invalid="true" aria-describedby="invite_email-error"{{/INVITE_EMAIL_ERROR}}>
{{#INVITE_EMAIL_ERROR}}<p class="field-error" id="invite_email-error">{{MESSAGE}}</p>{{/INVITE_EMAIL_ERROR}}
</div>
<div class="form-actions"><button type="submit">{{_ organization.invite_submit}}</button></div>
</form>
</section>
