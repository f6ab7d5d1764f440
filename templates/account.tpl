{{%AUTOESCAPE context="HTML"}}
<h1>{{_ account.heading}}</h1>
{{#PASSWORD_CHANGED}}<p class="notice notice-success" role="status">{{_ account.password_changed}}</p>{{/PASSWORD_CHANGED}}
{{#SETTINGS_SAVED}}<p class="notice notice-success" role="status">{{_ account.settings_saved}}</p>{{/SETTINGS_SAVED}}
<section class="panel">
<h2 class="visually-hidden">{{_ account.profile}}</h2>
<dl class="facts">
<dt>{{_ field.name}}</dt><dd>{{NAME}}</dd>
<dt>{{_ field.email_label}}</dt><dd>{{EMAIL}}</dd>
<dt>{{_ account.roles}}</dt><dd>{{#ROLES}}<span class="badge">{{ROLE}}</span> {{/ROLES}}</dd>
{{#ORGANIZATION}}<dt>{{_ admin.organization}}</dt><dd><a href="/organization">{{ORGANIZATION_NAME}}</a></dd>{{/ORGANIZATION}}
</dl>
<p><a class="button button-secondary" href="/account/password">{{_ account.change_password}}</a></p>
</section>
<section class="panel">
<h2>{{_ account.preferences}}</h2>
<form method="post" action="/account/settings">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="lang">{{_ account.language_label}}</label>
<select id="lang" name="lang">
<option value="zh"{{#LANG_ZH}} selected{{/LANG_ZH}}>简体中文</option>
<option value="en"{{#LANG_EN}} selected{{/LANG_EN}}>English</option>
</select>
</div>
<div class="field">
<label><input type="checkbox" name="email_notify" value="1"{{#EMAIL_NOTIFY}} checked{{/EMAIL_NOTIFY}}> {{_ account.email_notify}}</label>
<p class="field-hint">{{_ account.email_notify_hint}}</p>
</div>
<div class="form-actions"><button type="submit">{{_ form.save}}</button></div>
</form>
</section>
