{{%AUTOESCAPE context="HTML"}}
<section class="panel dash-stages" id="stages">
<h2>{{_ dashboard.stages}}</h2>
<ol class="dash-stage-list">
{{#STAGE}}<li class="dash-stage dash-stage-{{KEY}}"><a href="{{HREF}}"><span class="dash-stage-n">{{N}}</span> <span class="dash-stage-label">{{LABEL}}</span></a></li>
{{/STAGE}}</ol>
<p class="note">{{_ dashboard.as_of}}</p>
</section>
