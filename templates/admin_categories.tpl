{{%AUTOESCAPE context="HTML"}}
<h1>{{_ admin.categories.heading}}</h1>
{{#SAVED}}<p class="notice notice-success" role="status">{{_ admin.categories.saved}}</p>{{/SAVED}}
{{#ERROR}}<p class="notice notice-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<section class="panel">
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ admin.categories.code}}</th><th scope="col">{{_ admin.categories.name_zh}}</th><th scope="col">{{_ admin.categories.name_en}}</th><th scope="col">{{_ admin.categories.active}}</th><th scope="col"><span class="visually-hidden">{{_ form.save}}</span></th></tr></thead>
<tbody>
{{#CATEGORIES}}<tr><td><code>{{CODE}}</code></td>
<td><input form="c-{{CATEGORY_ID}}" name="name_zh" value="{{NAME_ZH}}" maxlength="100" required aria-label="{{_ admin.categories.name_zh}}"></td>
<td><input form="c-{{CATEGORY_ID}}" name="name_en" value="{{NAME_EN}}" maxlength="100" required aria-label="{{_ admin.categories.name_en}}"></td>
<td><input form="c-{{CATEGORY_ID}}" type="checkbox" name="active" value="1"{{#ACTIVE}} checked{{/ACTIVE}} aria-label="{{_ admin.categories.active}}"></td>
<td><form id="c-{{CATEGORY_ID}}" method="post" action="/admin/categories/{{CATEGORY_ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="button-small">{{_ form.save}}</button></form></td></tr>
{{/CATEGORIES}}
</tbody>
</table></div>
</section>
<section class="panel">
<h2>{{_ admin.categories.add}}</h2>
<form class="filters" method="post" action="/admin/categories">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="code">{{_ admin.categories.code}}</label><input id="code" name="code" maxlength="32" pattern="[a-z][a-z0-9_]{1,31}" required></div>
<div class="field"><label for="name_zh">{{_ admin.categories.name_zh}}</label><input id="name_zh" name="name_zh" maxlength="100" required></div>
<div class="field"><label for="name_en">{{_ admin.categories.name_en}}</label><input id="name_en" name="name_en" maxlength="100" required></div>
<div class="form-actions"><button type="submit">{{_ admin.categories.add_submit}}</button></div>
</form>
</section>
