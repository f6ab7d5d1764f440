{{%AUTOESCAPE context="HTML"}}
<section class="panel form-panel">
<h1>{{_ invitation.heading}}</h1>
<p>{{_ invitation.intro}}</p>
{{#FORM_ERRORS}}<p class="notice notice-error" role="alert">{{_ form.errors}}</p>{{/FORM_ERRORS}}
<form method="post" action="/invitations/{{TOKEN}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="email">{{_ field.email_label}}</label>
<input id="email" value="{{EMAIL}}" readonly autocomplete="username">
</div>
<div class="field">
<label for="name">{{_ field.name}}</label>
<input id="name" name="name" value="{{NAME}}" maxlength="100" required autocomplete="name"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="name-error"{{/NAME_ERROR}}>
{{#NAME_ERROR}}<p class="field-error" id="name-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
</div>
<div class="field">
<label for="password">{{_ field.password}}</label>
<input id="password" name="password" type="password" maxlength="1024" required autocomplete="new-password"{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_ERROR}}>
<p class="field-hint">{{_ field.password.hint}}</p>
{{#PASSWORD_ERROR}}<p class="field-error" id="password-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
</div>
<div class="field">
<label for="password_confirm">{{_ field.password_confirm}}</label>
<input id="password_confirm" name="password_confirm" type="password" maxlength="1024" required autocomplete="new-password"{{#PASSWORD_CONFIRM_ERROR}} aria-invalid="true" aria-describedby="password_confirm-error"{{/PASSWORD_CONFIRM_ERROR}}>
{{#PASSWORD_CONFIRM_ERROR}}<p class="field-error" id="password_confirm-error">{{MESSAGE}}</p>{{/PASSWORD_CONFIRM_ERROR}}
</div>
<div class="form-actions"><button type="submit">{{_ invitation.submit}}</button></div>
</form>
</section>
