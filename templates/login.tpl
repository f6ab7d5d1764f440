{{%AUTOESCAPE context="HTML"}}
<section class="panel form-panel">
<h1>{{_ login.heading}}</h1>
{{#THROTTLED}}<p class="notice notice-error" role="alert">{{_ login.throttled}}</p>{{/THROTTLED}}
{{#DISABLED}}<p class="notice notice-error" role="alert">{{_ login.disabled}}</p>{{/DISABLED}}
{{#FORM_ERRORS}}<p class="notice notice-error" role="alert">{{_ form.errors}}</p>{{/FORM_ERRORS}}
<form method="post" action="/login">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<div class="field">
<label for="email">{{_ field.email_label}}</label>
<input id="email" name="email" type="email" value="{{EMAIL}}" maxlength="254" autocomplete="username" required autofocus{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_ERROR}}>
{{#EMAIL_ERROR}}<p class="field-error" id="email-error">{{MESSAGE}}</p>{{/EMAIL_ERROR}}
</div>
<div class="field">
<label for="password">{{_ field.password}}</label>
<input id="password" name="password" type="password" maxlength="1024" autocomplete="current-password" required{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_ERROR}}>
{{#PASSWORD_ERROR}}<p class="field-error" id="password-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
</div>
<div class="form-actions"><button type="submit">{{_ login.submit}}</button></div>
</form>
<p class="muted">{{_ login.no_account}} <a href="/register">{{_ login.register_link}}</a></p>
</section>
