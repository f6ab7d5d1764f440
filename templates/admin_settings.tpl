{{%AUTOESCAPE context="HTML"}}
<h1>{{_ admin.settings.heading}}</h1>
{{#SAVED}}<p class="notice notice-success" role="status">{{_ admin.settings.saved}}</p>{{/SAVED}}
<section class="panel">
<form method="post" action="/admin/settings">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#SETTINGS}}<div class="field">
<label for="s-{{KEY}}">{{LABEL}}</label>
{{#NUMBER}}<input id="s-{{KEY}}" name="{{KEY}}" type="number" min="{{MIN}}" max="{{MAX}}" value="{{VALUE}}" required{{#SETTING_ERROR}} aria-invalid="true"{{/SETTING_ERROR}}>{{/NUMBER}}
{{#TEXT}}<input id="s-{{KEY}}" name="{{KEY}}" maxlength="{{MAXLEN}}" value="{{VALUE}}"{{#REQUIRED}} required{{/REQUIRED}}{{#SETTING_ERROR}} aria-invalid="true"{{/SETTING_ERROR}}>{{/TEXT}}
<p class="field-hint">{{HELP}} <span class="muted">{{_ admin.settings.default}}</span></p>
{{#SETTING_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SETTING_ERROR}}
</div>
{{/SETTINGS}}
<div class="form-actions"><button type="submit">{{_ form.save}}</button></div>
</form>
</section>
<section class="panel" id="tick">
<h2>{{_ tick.heading}}</h2>
{{#TICK_DONE}}<p class="notice notice-success" role="status">{{_ tick.done}} {{CHANGES}} <a href="/admin/events?action=tick">{{_ tick.done_events}}</a></p>{{/TICK_DONE}}
<p class="field-hint">{{_ tick.intro}}</p>
<form method="post" action="/admin/tick">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="form-actions"><button type="submit" class="button-secondary">{{_ tick.run}}</button></div>
</form>
</section>
