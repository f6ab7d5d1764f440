{{%AUTOESCAPE context="HTML"}}
<section class="panel dash-late" id="overdue">
<h2>{{_ dashboard.late}}</h2>
{{#NOTHING_LATE}}<p class="muted">{{_ dashboard.late.none}}</p>{{/NOTHING_LATE}}
<div class="dash-groups">{{#GROUP}}{{>LIST}}{{/GROUP}}</div>
{{#LATE_NOTE}}<p class="note">{{_ dashboard.late.note}}</p>{{/LATE_NOTE}}
<p class="note">{{_ dashboard.as_of}}</p>
</section>
