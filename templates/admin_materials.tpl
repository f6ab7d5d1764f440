{{%AUTOESCAPE context="HTML"}}
<h1>{{_ admin.materials.heading}}</h1>
<p class="muted">{{_ admin.materials.intro}}</p>
{{#SAVED}}<p class="notice notice-success" role="status">{{_ admin.materials.saved}}</p>{{/SAVED}}
{{#ERROR}}<p class="notice notice-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#MATERIALS}}<details class="subform" id="material-{{CODE}}">
<summary><span class="muted">{{GROUP}}.</span> {{TITLE_ZH}} <code>{{CODE}}</code></summary>
<form method="post" action="/admin/materials/{{MATERIAL_ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="tzh-{{MATERIAL_ID}}">{{_ admin.materials.title_zh}}</label><input id="tzh-{{MATERIAL_ID}}" name="title_zh" value="{{TITLE_ZH}}" maxlength="200" required></div>
<div class="field"><label for="ten-{{MATERIAL_ID}}">{{_ admin.materials.title_en}}</label><input id="ten-{{MATERIAL_ID}}" name="title_en" value="{{TITLE_EN}}" maxlength="200" required></div>
<div class="field"><label for="req-{{MATERIAL_ID}}">{{_ admin.materials.requirement}}</label>
<select id="req-{{MATERIAL_ID}}" name="requirement">
<option value="required"{{#REQUIRED}} selected{{/REQUIRED}}>{{_ material.requirement.required}}</option>
<option value="conditional"{{#CONDITIONAL}} selected{{/CONDITIONAL}}>{{_ material.requirement.conditional}}</option>
<option value="optional"{{#OPTIONAL}} selected{{/OPTIONAL}}>{{_ material.requirement.optional}}</option>
</select></div>
<div class="field"><label for="hzh-{{MATERIAL_ID}}">{{_ admin.materials.help_zh}}</label><textarea id="hzh-{{MATERIAL_ID}}" name="help_zh" rows="2" maxlength="1000">{{HELP_ZH}}</textarea></div>
<div class="field"><label for="hen-{{MATERIAL_ID}}">{{_ admin.materials.help_en}}</label><textarea id="hen-{{MATERIAL_ID}}" name="help_en" rows="2" maxlength="1000">{{HELP_EN}}</textarea></div>
<label><input type="checkbox" name="active" value="1"{{#ACTIVE}} checked{{/ACTIVE}}> {{_ admin.materials.active}}</label>
<div class="form-actions"><button type="submit">{{_ form.save}}</button></div>
</form>
</details>
{{/MATERIALS}}
