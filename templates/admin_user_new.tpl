{{%AUTOESCAPE context="HTML"}}
<section class="panel form-panel">
<h1>{{_ admin.user_new.heading}}</h1>
<p class="muted">{{_ admin.user_new.intro}}</p>
{{#FORM_ERRORS}}<p class="notice notice-error" role="alert">{{_ form.errors}}</p>{{/FORM_ERRORS}}
<form method="post" action="/admin/users/new">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="name">{{_ field.name}}</label>
<input id="name" name="name" value="{{NAME}}" maxlength="100" required{{#NAME_ERROR}} aria-invalid="true" aria-describedby="name-error"{{/NAME_ERROR}}>
{{#NAME_ERROR}}<p class="field-error" id="name-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
</div>
<div class="field">
<label for="email">{{_ field.email_label}}</label>
<input id="email" name="email" type="email" value="{{EMAIL}}" maxlength="254" required{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_ERROR}}>
{{#EMAIL_ERROR}}<p class="field-error" id="email-error">{{MESSAGE}}</p>{{/EMAIL_ERROR}}
</div>
<fieldset>
<legend>{{_ account.roles}}</legend>
{{#ROLE_CHOICES}}<label><input type="checkbox" name="role" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
{{/ROLE_CHOICES}}
{{#ROLES_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ROLES_ERROR}}
</fieldset>
<div class="form-actions"><button type="submit">{{_ admin.user_new.submit}}</button></div>
</form>
</section>
