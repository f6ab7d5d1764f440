{{%AUTOESCAPE context="HTML"}}
<h1>{{_ scheme.heading}}</h1>
<p class="muted">{{_ scheme.intro}}</p>
{{#PUBLISHED}}<p class="notice notice-success" role="status">{{_ scheme.published}}</p>{{/PUBLISHED}}
{{#FORM_ERRORS}}<p class="notice notice-error" role="alert">{{_ form.errors}}</p>{{/FORM_ERRORS}}
<p>{{_ scheme.current}}</p>
<form method="post" action="/admin/scheme">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#SCHEME_ERROR}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/SCHEME_ERROR}}
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ application.indicator}}</th><th scope="col">{{_ scheme.group}}</th><th scope="col" class="num">{{_ scheme.points}}</th></tr></thead>
<tbody>
{{#POINTS}}<tr><td><label for="p-{{CODE}}">{{INDICATOR_NAME}}</label></td><td class="muted">{{GROUP_NAME}}</td><td class="num"><input id="p-{{CODE}}" name="points_{{CODE}}" value="{{POINTS}}" inputmode="decimal" maxlength="8" size="6"></td></tr>
{{/POINTS}}
</tbody>
<tfoot><tr><th scope="row" colspan="2">{{_ scheme.total}}</th><td class="num">{{TOTAL}}</td></tr></tfoot>
</table></div>
<div class="field"><label for="s-note">{{_ scheme.note}}</label><input id="s-note" name="note" value="{{NOTE}}" maxlength="1000" required>{{#NOTE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NOTE_ERROR}}</div>
<div class="form-actions"><button type="submit">{{_ scheme.publish}}</button></div>
</form>
