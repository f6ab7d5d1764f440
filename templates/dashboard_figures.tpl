{{%AUTOESCAPE context="HTML"}}
<section class="panel dash-figures" id="figures">
<h2>{{_ dashboard.figures}}</h2>
<div class="chart-grid">
{{#CHART}}{{>CHART_SVG}}
{{/CHART}}</div>
<p class="note">{{_ dashboard.figures.as_of}}</p>
</section>
