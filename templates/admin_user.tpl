{{%AUTOESCAPE context="HTML"}}
<p><a href="/admin/users">{{_ admin.back_to_users}}</a></p>
<h1>{{NAME}}</h1>
{{#DONE}}<p class="notice notice-success" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#ERROR}}<p class="notice notice-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<section class="panel">
<h2>{{_ account.profile}}</h2>
<dl class="facts">
<dt>{{_ field.email_label}}</dt><dd>{{EMAIL}}</dd>
<dt>{{_ account.roles}}</dt><dd>{{#ROLES}}<span class="badge">{{ROLE}}</span> {{/ROLES}}</dd>
{{#APPLICANT}}<dt>{{_ admin.organization}}</dt><dd>{{ORGANIZATION}}</dd>{{/APPLICANT}}
<dt>{{_ admin.status}}</dt><dd>{{#ENABLED}}<span class="badge badge-success">{{_ admin.enabled}}</span>{{/ENABLED}}{{#DISABLED}}<span class="badge badge-error">{{_ admin.disabled}}</span>{{/DISABLED}}{{#MUST_CHANGE}} <span class="badge badge-warning">{{_ admin.must_change}}</span>{{/MUST_CHANGE}}</dd>
<dt>{{_ admin.created}}</dt><dd>{{CREATED}}</dd>
</dl>
<div class="button-row">
{{#ENABLED}}{{#NOT_SELF}}<form method="post" action="/admin/users/{{ID}}/disable"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="button-secondary">{{_ admin.disable}}</button></form>{{/NOT_SELF}}{{/ENABLED}}
{{#DISABLED}}<form method="post" action="/admin/users/{{ID}}/enable"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="button-secondary">{{_ admin.enable}}</button></form>{{/DISABLED}}
<form method="post" action="/admin/users/{{ID}}/password"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="button-secondary">{{_ admin.reset_password}}</button></form>
</div>
</section>
{{#STAFF}}<section class="panel">
<h2>{{_ admin.change_roles}}</h2>
<form method="post" action="/admin/users/{{ID}}/roles">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset>
<legend class="visually-hidden">{{_ account.roles}}</legend>
{{#ROLE_CHOICES}}<label><input type="checkbox" name="role" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
{{/ROLE_CHOICES}}
</fieldset>
<div class="form-actions"><button type="submit">{{_ form.save}}</button></div>
</form>
</section>{{/STAFF}}
{{#AUDITOR}}<section class="panel">
<h2>{{_ admin.auditor.heading}}</h2>
<form method="post" action="/admin/users/{{ID}}/auditor">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="registration_no">{{_ admin.auditor.registration_no}}</label>
<input id="registration_no" name="registration_no" value="{{REGISTRATION_NO}}" maxlength="64" required>
</div>
<div class="field">
<label for="valid_until">{{_ admin.auditor.valid_until}}</label>
<input id="valid_until" name="valid_until" type="date" value="{{VALID_UNTIL}}" required>
</div>
<fieldset>
<legend>{{_ admin.auditor.categories}}</legend>
{{#CATEGORIES}}<label><input type="checkbox" name="category" value="{{CATEGORY_ID}}"{{#CHECKED}} checked{{/CHECKED}}> {{CATEGORY_NAME}}</label>
{{/CATEGORIES}}
</fieldset>
<div class="form-actions"><button type="submit">{{_ form.save}}</button></div>
</form>
</section>{{/AUDITOR}}
