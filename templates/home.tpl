{{%AUTOESCAPE context="HTML"}}
<section class="hero">
<p class="eyebrow">{{_ home.eyebrow}}</p>
<h1>{{_ home.heading}}</h1>
<p class="lead">{{_ home.lead}}</p>
</section>

<section class="panel">
<h2>{{_ home.steps.heading}}</h2>
<ol class="steps">
<li><span class="step-title">{{_ stage.application}}</span><span class="step-text">{{_ home.steps.application}}</span></li>
<li><span class="step-title">{{_ stage.review}}</span><span class="step-text">{{_ home.steps.review}}</span></li>
<li><span class="step-title">{{_ stage.audit}}</span><span class="step-text">{{_ home.steps.audit}}</span></li>
<li><span class="step-title">{{_ stage.evaluation}}</span><span class="step-text">{{_ home.steps.evaluation}}</span></li>
<li><span class="step-title">{{_ stage.decision}}</span><span class="step-text">{{_ home.steps.decision}}</span></li>
<li><span class="step-title">{{_ stage.surveillance}}</span><span class="step-text">{{_ home.steps.surveillance}}</span></li>
</ol>
</section>

<section class="panel">
<h2>{{_ home.levels.heading}}</h2>
<table class="levels">
<thead><tr><th scope="col">{{_ home.levels.level}}</th><th scope="col">{{_ home.levels.score}}</th></tr></thead>
<tbody>
<tr><td><span class="stars" aria-hidden="true">★★★★★</span> {{_ level.five}}</td><td>≥ 95</td></tr>
<tr><td><span class="stars" aria-hidden="true">★★★★</span> {{_ level.four}}</td><td>≥ 90</td></tr>
<tr><td><span class="stars" aria-hidden="true">★★★</span> {{_ level.three}}</td><td>≥ 80</td></tr>
<tr><td>{{_ level.compliant}}</td><td>≥ 70</td></tr>
</tbody>
</table>
<p class="note">{{_ home.levels.note}}</p>
</section>
