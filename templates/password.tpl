{{%AUTOESCAPE context="HTML"}}
<section class="panel form-panel">
<h1>{{_ password.heading}}</h1>
{{#MUST_CHANGE}}<p class="notice notice-warning" role="status">{{_ password.must_change}}</p>{{/MUST_CHANGE}}
{{#FORM_ERRORS}}<p class="notice notice-error" role="alert">{{_ form.errors}}</p>{{/FORM_ERRORS}}
<form method="post" action="/account/password">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="current_password">{{_ password.current}}</label>
<input id="current_password" name="current_password" type="password" maxlength="1024" required autocomplete="current-password"{{#CURRENT_ERROR}} aria-invalid="true" aria-describedby="current-error"{{/CURRENT_ERROR}}>
{{#CURRENT_ERROR}}<p class="field-error" id="current-error">{{MESSAGE}}</p>{{/CURRENT_ERROR}}
</div>
<div class="field">
<label for="password">{{_ password.new}}</label>
<input id="password" name="password" type="password" maxlength="1024" required autocomplete="new-password"{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_ERROR}}>
<p class="field-hint">{{_ field.password.hint}}</p>
{{#PASSWORD_ERROR}}<p class="field-error" id="password-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
</div>
<div class="field">
<label for="password_confirm">{{_ field.password_confirm}}</label>
<input id="password_confirm" name="password_confirm" type="password" maxlength="1024" required autocomplete="new-password"{{#PASSWORD_CONFIRM_ERROR}} aria-invalid="true" aria-describedby="password_confirm-error"{{/PASSWORD_CONFIRM_ERROR}}>
{{#PASSWORD_CONFIRM_ERROR}}<p class="field-error" id="password_confirm-error">{{MESSAGE}}</p>{{/PASSWORD_CONFIRM_ERROR}}
</div>
<div class="form-actions"><button type="submit">{{_ password.submit}}</button></div>
</form>
</section>
