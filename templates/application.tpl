{{%AUTOESCAPE context="HTML"}}
<p><a href="/applications">{{_ application.back}}</a></p>
<div class="page-head">
<h1>{{_ application.heading}} #{{ID}} <span class="badge badge-{{STATE_CODE}}">{{STATE}}</span></h1>
</div>
<p class="muted">{{ORGANIZATION}} · <code>{{CREDIT_CODE}}</code> · {{KIND_LABEL}} · {{_ application.created}} {{CREATED}}{{#READ_ONLY}} · {{_ application.submitted}} {{SUBMITTED}}{{/READ_ONLY}}</p>
{{#DONE}}<p class="notice notice-success" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#CHANGED_MEANWHILE}}<p class="notice notice-error" role="alert">{{_ application.changed_meanwhile}}</p>{{/CHANGED_MEANWHILE}}
{{#INCOMPLETE_NOTICE}}<p class="notice notice-error" role="alert">{{_ application.incomplete}}</p>{{/INCOMPLETE_NOTICE}}
{{#FORM_ERRORS}}<p class="notice notice-error" role="alert">{{_ form.errors}}</p>{{/FORM_ERRORS}}
{{#UPLOAD_TOO_LARGE}}<p class="notice notice-error" role="alert">{{_ document.too_large}}</p>{{/UPLOAD_TOO_LARGE}}
{{#UPLOAD_REFUSED}}<p class="notice notice-error" role="alert">{{_ document.type_refused}}</p>{{/UPLOAD_REFUSED}}
{{#UPLOAD_NO_FILE}}<p class="notice notice-error" role="alert">{{_ document.no_file}}</p>{{/UPLOAD_NO_FILE}}
{{#UPLOAD_DISK}}<p class="notice notice-error" role="alert">{{_ document.disk}}</p>{{/UPLOAD_DISK}}
{{#DECLINED}}<div class="notice notice-error" role="status"><p><strong>{{_ review.declined_heading}}</strong></p><p class="pre">{{REASON:pre_escape}}</p></div>{{/DECLINED}}
{{#ACCEPTED}}<div class="notice notice-success" role="status"><p><strong>{{_ review.accepted_heading}}</strong> {{DECIDED_AT}}</p><p>{{_ review.accepted_mandays}}</p>{{#MANDAYS_NOTE}}<p class="pre">{{TEXT:pre_escape}}</p>{{/MANDAYS_NOTE}}{{#AUDIT_LINK}}<p><a href="/audits/{{AUDIT_ID}}">{{_ audit.open}}</a></p>{{/AUDIT_LINK}}{{#PLAN_LINK}}<p><a href="/applications/{{ID}}/audit">{{_ audit.plan.link}}</a></p>{{/PLAN_LINK}}</div>{{/ACCEPTED}}

{{#SUPPLEMENT}}<section class="panel panel-attention" id="supplement">
<h2>{{_ supplement.heading}}</h2>
<p>{{_ supplement.intro}}</p>
{{#SUPPLEMENT_NOTE}}<blockquote class="pre">{{TEXT:pre_escape}}</blockquote>{{/SUPPLEMENT_NOTE}}
{{#ANSWERS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ANSWERS_ERROR}}
<form method="post" action="/applications/{{ID}}/supplement">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<ol class="supplement-items">
{{#ITEMS}}<li class="supplement-item{{#UNANSWERED}} is-open{{/UNANSWERED}}">
<p><a href="#material-{{CODE}}"><strong>{{ITEM_TITLE}}</strong></a></p>
<p class="review-comment"><span class="muted">{{_ supplement.asked}}</span> {{REVIEW_COMMENT}}</p>
<p class="muted">{{#NO_NEW_VERSION}}{{_ supplement.no_new_version}}{{/NO_NEW_VERSION}}{{#NEW_VERSIONS}}{{_ supplement.new_versions}}{{/NEW_VERSIONS}}</p>
<div class="field"><label for="answer-{{MATERIAL_ID}}">{{_ supplement.answer}}</label>
<textarea id="answer-{{MATERIAL_ID}}" name="answer_{{MATERIAL_ID}}" rows="2" maxlength="2000"{{#UNANSWERED}} aria-invalid="true"{{/UNANSWERED}}>{{ANSWER:pre_escape}}</textarea>
{{#UNANSWERED}}<p class="field-error">{{_ supplement.unanswered}}</p>{{/UNANSWERED}}</div>
</li>
{{/ITEMS}}</ol>
<p class="field-hint">{{#NOT_READY}}{{_ supplement.not_ready}}{{/NOT_READY}}{{#READY}}{{_ supplement.ready}}{{/READY}}</p>
<div class="form-actions"><button type="submit" name="action" value="resubmit">{{_ supplement.resubmit}}</button> <button type="submit" name="action" value="save" class="button-secondary">{{_ supplement.save}}</button></div>
</form>
</section>{{/SUPPLEMENT}}

{{#REVIEW}}<section class="panel" id="review">
<h2>{{_ review.panel}}</h2>
<p>{{#HELD}}{{_ review.held_by}}{{/HELD}}{{#UNHELD}}{{_ review.unheld}}{{/UNHELD}} · {{_ review.round}} {{ROUND}}</p>
{{#TAKE}}<form method="post" action="/applications/{{ID}}/take"><input type="hidden" name="csrf" value="{{CSRF}}"><div class="form-actions"><button type="submit">{{_ review.take}}</button></div></form>{{/TAKE}}
{{#ASSIGN}}<form class="filters" method="post" action="/applications/{{ID}}/assign">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="reviewer">{{_ review.assign_to}}</label>
<select id="reviewer" name="reviewer">{{#REVIEWERS}}<option value="{{REVIEWER_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{REVIEWER_NAME}} ({{REVIEWER_EMAIL}})</option>{{/REVIEWERS}}</select></div>
<div class="form-actions"><button type="submit" class="button-secondary">{{_ review.assign}}</button></div>
</form>{{/ASSIGN}}
</section>{{/REVIEW}}

{{#ESTIMATE}}<section class="panel">
<h2>{{_ application.estimate}}</h2>
<p>{{_ application.estimate_text}}</p>
</section>{{/ESTIMATE}}

<section class="panel" id="details">
<h2>{{_ application.details}}</h2>
{{#EDITABLE}}<form method="post" action="/applications/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="field">
<label for="kind">{{_ application.kind}}</label>
<select id="kind" name="kind">
<option value="initial"{{#KIND_INITIAL}} selected{{/KIND_INITIAL}}>{{_ application.kind.initial}}</option>
<option value="recertification"{{#KIND_RECERTIFICATION}} selected{{/KIND_RECERTIFICATION}}>{{_ application.kind.recertification}}</option>
</select>
</div>
<div class="field" id="scope">
<label for="scope-input">{{_ application.scope}}</label>
<textarea id="scope-input" name="scope" rows="3" maxlength="2000"{{#SCOPE_ERROR}} aria-invalid="true"{{/SCOPE_ERROR}}>{{SCOPE:pre_escape}}</textarea>
<p class="field-hint">{{_ application.scope_hint}}</p>
{{#SCOPE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SCOPE_ERROR}}
</div>
<fieldset id="categories">
<legend>{{_ application.categories}}</legend>
{{#CATEGORIES}}<label><input type="checkbox" name="category" value="{{CATEGORY_ID}}"{{#CHECKED}} checked{{/CHECKED}}> {{CATEGORY_NAME}}</label>
{{/CATEGORIES}}
</fieldset>
<div class="field" id="sales_channels">
<label for="sales-input">{{_ application.sales}}</label>
<textarea id="sales-input" name="sales_channels" rows="3" maxlength="2000"{{#SALES_ERROR}} aria-invalid="true"{{/SALES_ERROR}}>{{SALES:pre_escape}}</textarea>
{{#SALES_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SALES_ERROR}}
</div>
<fieldset id="delivery">
<legend>{{_ application.delivery}}</legend>
<label><input type="radio" name="delivery_mode" value="direct"{{#DELIVERY_DIRECT}} checked{{/DELIVERY_DIRECT}}> {{_ application.delivery.direct}}</label>
<label><input type="radio" name="delivery_mode" value="outsourced"{{#DELIVERY_OUTSOURCED}} checked{{/DELIVERY_OUTSOURCED}}> {{_ application.delivery.outsourced}}</label>
<label><input type="radio" name="delivery_mode" value="mixed"{{#DELIVERY_MIXED}} checked{{/DELIVERY_MIXED}}> {{_ application.delivery.mixed}}</label>
</fieldset>
<div class="field" id="funding">
<label for="funding-input">{{_ application.funding}}</label>
<textarea id="funding-input" name="funding_facilities" rows="4" maxlength="4000"{{#FUNDING_ERROR}} aria-invalid="true"{{/FUNDING_ERROR}}>{{FUNDING:pre_escape}}</textarea>
{{#FUNDING_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/FUNDING_ERROR}}
</div>
<fieldset id="exclusions">
<legend>{{_ application.exclusions}}</legend>
<p class="field-hint">{{_ application.exclusions_hint}}</p>
{{#EXCLUSIONS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/EXCLUSIONS_ERROR}}
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ application.indicator}}</th><th scope="col">{{_ application.not_applicable}}</th><th scope="col">{{_ application.reason}}</th></tr></thead>
<tbody>
{{#INDICATORS}}<tr><td>{{INDICATOR_NAME}} <span class="muted">{{GROUP_NAME}}</span></td>
<td><input type="checkbox" name="exclude_{{INDICATOR}}" value="1" aria-label="{{_ application.not_applicable}}: {{INDICATOR_NAME}}"{{#CHECKED}} checked{{/CHECKED}}></td>
<td><input name="reason_{{INDICATOR}}" value="{{REASON}}" maxlength="1000" aria-label="{{_ application.reason}}: {{INDICATOR_NAME}}"></td></tr>
{{/INDICATORS}}
</tbody>
</table></div>
</fieldset>
<div class="form-actions"><button type="submit">{{_ form.save}}</button></div>
</form>{{/EDITABLE}}
{{#READ_ONLY}}<dl class="facts">
<dt>{{_ application.scope}}</dt><dd class="pre">{{SCOPE:pre_escape}}</dd>
<dt>{{_ application.categories}}</dt><dd>{{#CATEGORIES}}{{#CHECKED}}<span class="badge">{{CATEGORY_NAME}}</span> {{/CHECKED}}{{/CATEGORIES}}</dd>
<dt>{{_ application.sales}}</dt><dd class="pre">{{SALES:pre_escape}}</dd>
<dt>{{_ application.delivery}}</dt><dd>{{DELIVERY_LABEL}}</dd>
<dt>{{_ application.funding}}</dt><dd class="pre">{{FUNDING:pre_escape}}</dd>
<dt>{{_ application.exclusions}}</dt><dd>{{#INDICATORS}}{{#EXCLUDED}}<p><strong>{{INDICATOR_NAME}}</strong>: {{REASON}}</p>{{/EXCLUDED}}{{/INDICATORS}}</dd>
</dl>{{/READ_ONLY}}
</section>

<section class="panel" id="outlets">
<h2>{{_ application.outlets}} <span class="muted">({{OUTLET_COUNT}})</span></h2>
{{#NO_OUTLETS}}<p class="muted">{{_ application.no_outlets}}</p>{{/NO_OUTLETS}}
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ outlet.name}}</th><th scope="col">{{_ outlet.address}}</th><th scope="col">{{_ outlet.city}}</th><th scope="col">{{_ outlet.kind}}</th><th scope="col" class="num">{{_ outlet.staff}}</th><th scope="col">{{_ outlet.operator}}</th>{{#EDITABLE}}<th scope="col"><span class="visually-hidden">{{_ outlet.actions}}</span></th>{{/EDITABLE}}</tr></thead>
<tbody>
{{#OUTLETS}}<tr><td>{{NAME}}</td><td>{{ADDRESS}}</td><td>{{CITY}}</td><td>{{KIND}}</td><td class="num">{{STAFF}}</td><td>{{OPERATOR}}</td>{{#EDITABLE}}<td class="nowrap"><a href="/applications/{{ID}}/outlets/{{OUTLET_ID}}">{{_ outlet.edit}}</a>
<form class="inline" method="post" action="/applications/{{ID}}/outlets/{{OUTLET_ID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="button-secondary button-small">{{_ outlet.delete}}</button></form></td>{{/EDITABLE}}</tr>
{{/OUTLETS}}
</tbody>
</table></div>
{{#EDITABLE}}<details class="subform"{{#OUTLET_NAME_ERROR}} open{{/OUTLET_NAME_ERROR}}>
<summary>{{_ outlet.add}}</summary>
<form method="post" action="/applications/{{ID}}/outlets">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field-row">
<div class="field"><label for="o-name">{{_ outlet.name}}</label><input id="o-name" name="name" value="{{OUTLET_NAME}}" maxlength="200" required>{{#OUTLET_NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OUTLET_NAME_ERROR}}</div>
<div class="field"><label for="o-city">{{_ outlet.city}}</label><input id="o-city" name="city" value="{{OUTLET_CITY}}" maxlength="100" required>{{#OUTLET_CITY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OUTLET_CITY_ERROR}}</div>
</div>
<div class="field"><label for="o-address">{{_ outlet.address}}</label><input id="o-address" name="address" value="{{OUTLET_ADDRESS}}" maxlength="300" required>{{#OUTLET_ADDRESS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OUTLET_ADDRESS_ERROR}}</div>
<div class="field-row">
<div class="field"><label for="o-kind">{{_ outlet.kind}}</label><select id="o-kind" name="kind"><option value="fixed"{{#KIND_FIXED}} selected{{/KIND_FIXED}}>{{_ outlet.kind.fixed}}</option><option value="mobile"{{#KIND_MOBILE}} selected{{/KIND_MOBILE}}>{{_ outlet.kind.mobile}}</option></select>{{#OUTLET_KIND_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OUTLET_KIND_ERROR}}</div>
<div class="field"><label for="o-staff">{{_ outlet.staff}}</label><input id="o-staff" name="staff_count" type="number" min="0" max="100000" value="{{OUTLET_STAFF}}" required>{{#OUTLET_STAFF_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OUTLET_STAFF_ERROR}}</div>
<div class="field"><label for="o-operator">{{_ outlet.operator}}</label><select id="o-operator" name="operator"><option value="direct"{{#OPERATOR_DIRECT}} selected{{/OPERATOR_DIRECT}}>{{_ outlet.operator.direct}}</option><option value="partner"{{#OPERATOR_PARTNER}} selected{{/OPERATOR_PARTNER}}>{{_ outlet.operator.partner}}</option></select>{{#OUTLET_OPERATOR_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OUTLET_OPERATOR_ERROR}}</div>
</div>
<div class="form-actions"><button type="submit">{{_ outlet.add_submit}}</button></div>
</form>
</details>
<details class="subform"{{#IMPORT_FAILED}} open{{/IMPORT_FAILED}}{{#IMPORT_EMPTY}} open{{/IMPORT_EMPTY}}>
<summary>{{_ outlet.import}}</summary>
<p class="field-hint">{{_ outlet.import_hint}}</p>
{{#IMPORT_FAILED}}<div class="notice notice-error" role="alert"><p>{{_ outlet.import_failed}}</p><ul>{{#IMPORT_ERRORS}}<li>{{_ outlet.import_line}}{{_ punct.colon}}{{MESSAGE}}</li>{{/IMPORT_ERRORS}}</ul></div>{{/IMPORT_FAILED}}
{{#IMPORT_EMPTY}}<p class="notice notice-error" role="alert">{{_ outlet.import_empty}}</p>{{/IMPORT_EMPTY}}
<form method="post" enctype="multipart/form-data" action="/applications/{{ID}}/outlets/import?csrf={{CSRF:u}}">
<div class="field"><label for="csv">{{_ outlet.import_label}}</label>
<textarea id="csv" name="csv" rows="8" spellcheck="false" placeholder="名称,地址,城市,固定,5,自营">{{CSV:pre_escape}}</textarea></div>
<div class="field"><label for="csv_file">{{_ outlet.import_file}}</label>
<input id="csv_file" name="csv_file" type="file" accept=".csv,.txt,text/csv"></div>
<div class="form-actions"><button type="submit" class="button-secondary">{{_ outlet.import_submit}}</button></div>
</form>
</details>{{/EDITABLE}}
</section>

<section class="panel" id="materials">
<h2>{{_ application.materials}}</h2>
{{#EDITABLE}}<p class="field-hint">{{_ document.accepted_types}}</p>{{/EDITABLE}}
{{#MATERIALS}}{{#GROUP}}<h3 class="material-group">{{GROUP_TITLE}}</h3>{{/GROUP}}
<div class="material" id="material-{{CODE}}">
<div class="material-head"><span class="material-title">{{TITLE}}</span> <span class="badge badge-{{REQUIREMENT_CODE}}">{{REQUIREMENT}}</span></div>
{{#HAS_HELP}}<p class="field-hint">{{HELP}}</p>{{/HAS_HELP}}
{{#NO_FILES}}<p class="muted">{{_ document.none}}</p>{{/NO_FILES}}
{{#FLAGGED}}<p class="review-comment flagged"><strong>{{_ supplement.flagged}}</strong> {{REVIEW_COMMENT}}</p>{{/FLAGGED}}
{{#FILES}}<div class="file-row"><a href="/documents/{{DOCUMENT_ID}}">{{FILE_NAME}}</a>{{#VIEWABLE}} <a class="view-link" href="/documents/{{DOCUMENT_ID}}/view" target="_blank" rel="noopener">{{_ document.view}}</a>{{/VIEWABLE}} <span class="muted">v{{VERSION}} · {{SIZE}} · {{UPLOADED}} · {{UPLOADER}}</span>
{{#DELETABLE}}<form class="inline" method="post" action="/documents/{{DOCUMENT_ID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="button-secondary button-small">{{_ document.delete}}</button></form>{{/DELETABLE}}</div>
{{/FILES}}
{{#UPLOAD}}<form class="upload" method="post" enctype="multipart/form-data" action="/applications/{{APP_ID}}/materials/{{MATERIAL_ID}}?csrf={{CSRF:u}}" data-max-mb="{{MAX_MB}}">
<input type="file" name="file" required aria-label="{{_ document.choose}}: {{TITLE}}">
<button type="submit" class="button-small">{{_ document.upload}}</button>
<progress max="100" value="0" hidden></progress>
</form>{{/UPLOAD}}
{{#NEWER_THAN_VERDICT}}<p class="notice-inline">{{_ review.newer_than_verdict}}</p>{{/NEWER_THAN_VERDICT}}
{{#VERDICT_SHOWN}}<p class="verdict verdict-{{VERDICT_CODE}}"><span class="badge badge-verdict-{{VERDICT_CODE}}">{{VERDICT}}</span> {{REVIEW_COMMENT}} <span class="muted">{{DECIDED_BY}} · {{DECIDED_AT}}</span></p>{{/VERDICT_SHOWN}}
{{#VERDICT_FORM}}<fieldset class="verdict-form">
<legend>{{_ review.verdict}}</legend>
<div class="verdict-choices">
<label class="verdict-choice-accepted"><input type="radio" form="review-form" name="verdict_{{MATERIAL_ID}}" value="accepted"{{#V_accepted}} checked{{/V_accepted}}> {{_ verdict.accepted}}</label>
<label class="verdict-choice-supplement"><input type="radio" form="review-form" name="verdict_{{MATERIAL_ID}}" value="supplement"{{#V_supplement}} checked{{/V_supplement}}> {{_ verdict.supplement}}</label>
<label class="verdict-choice-not_applicable"><input type="radio" form="review-form" name="verdict_{{MATERIAL_ID}}" value="not_applicable"{{#V_not_applicable}} checked{{/V_not_applicable}}> {{_ verdict.not_applicable}}</label>
</div>
<input form="review-form" name="comment_{{MATERIAL_ID}}" value="{{REVIEW_COMMENT}}" maxlength="2000" aria-label="{{_ review.comment}}: {{TITLE}}" placeholder="{{_ review.comment_placeholder}}"{{#VERDICT_COMMENT_ERROR}} aria-invalid="true"{{/VERDICT_COMMENT_ERROR}}>
{{#VERDICT_COMMENT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/VERDICT_COMMENT_ERROR}}
</fieldset>{{/VERDICT_FORM}}
</div>
{{/MATERIALS}}
</section>

{{#SUBMIT}}<section class="panel" id="submit">
<h2>{{_ application.submit_heading}}</h2>
{{#INCOMPLETE}}<p>{{_ application.gaps}}</p>
<ul class="gaps">{{#GAPS}}<li><a href="#{{ANCHOR}}">{{TEXT}}{{#HAS_ITEM}}{{_ punct.colon}}{{ITEM}}{{/HAS_ITEM}}</a></li>{{/GAPS}}</ul>{{/INCOMPLETE}}
{{#COMPLETE}}<p>{{_ application.ready}}</p>{{/COMPLETE}}
<form method="post" action="/applications/{{ID}}/submit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="form-actions"><button type="submit"{{#INCOMPLETE}} disabled{{/INCOMPLETE}}>{{_ application.submit}}</button></div>
</form>
</section>{{/SUBMIT}}

{{#DECISION}}<section class="panel" id="decision">
<h2>{{_ review.decision}}</h2>
{{#OUTCOME_ERROR}}<div class="notice notice-error" role="alert"><p>{{MESSAGE}}</p>{{#HAS_BLOCKERS}}<ul>{{#BLOCKERS}}<li>{{TEXT}}{{_ punct.colon}}{{ITEM}}</li>{{/BLOCKERS}}</ul>{{/HAS_BLOCKERS}}</div>{{/OUTCOME_ERROR}}
<form id="review-form" method="post" action="/applications/{{ID}}/review">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<fieldset id="eligibility">
<legend>{{_ review.eligibility}}</legend>
{{#ELIGIBILITY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ELIGIBILITY_ERROR}}
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ review.criterion}}</th><th scope="col">{{_ review.met}}</th><th scope="col">{{_ review.note}}</th></tr></thead>
<tbody>
{{#CRITERIA}}<tr><td><label for="met-{{CRITERION}}">{{CRITERION_LABEL}}</label></td>
<td><input type="checkbox" id="met-{{CRITERION}}" name="met_{{CRITERION}}" value="1"{{#MET}} checked{{/MET}}></td>
<td><input name="note_{{CRITERION}}" value="{{NOTE}}" maxlength="1000" aria-label="{{_ review.note}}: {{CRITERION_LABEL}}" placeholder="{{_ review.note}}"></td></tr>
{{/CRITERIA}}
</tbody>
</table></div>
</fieldset>
<div class="form-actions"><button type="submit" name="action" value="save" class="button-secondary">{{_ review.save}}</button></div>

<div class="outcomes">
<div class="outcome outcome-supplement">
<h3>{{_ review.request_supplement}}</h3>
<div class="field"><label for="round-comment">{{_ review.round_comment}}</label>
<textarea id="round-comment" name="comment" rows="2" maxlength="4000"{{#COMMENT_ERROR}} aria-invalid="true"{{/COMMENT_ERROR}}>{{COMMENT:pre_escape}}</textarea>
<p class="field-hint">{{_ review.round_comment_hint}}</p>
{{#COMMENT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/COMMENT_ERROR}}</div>
<div class="form-actions"><button type="submit" name="action" value="supplement">{{_ review.request_supplement}}</button></div>
</div>

<div class="outcome outcome-accept">
<h3>{{_ review.accept}}</h3>
<div class="field-row">
<div class="field"><label for="mandays">{{_ review.mandays}}</label>
<input id="mandays" name="mandays" value="{{MANDAYS}}" inputmode="decimal" maxlength="16"{{#MANDAYS_ERROR}} aria-invalid="true"{{/MANDAYS_ERROR}}>
<p class="field-hint">{{_ review.mandays_hint}}</p>
{{#MANDAYS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/MANDAYS_ERROR}}</div>
<div class="field"><label for="mandays-reason">{{_ review.mandays_reason}}</label>
<input id="mandays-reason" name="mandays_reason" value="{{MANDAYS_REASON}}" maxlength="1000"{{#MANDAYS_REASON_ERROR}} aria-invalid="true"{{/MANDAYS_REASON_ERROR}}>
{{#MANDAYS_REASON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/MANDAYS_REASON_ERROR}}</div>
</div>
<div class="form-actions"><button type="submit" name="action" value="accept">{{_ review.accept}}</button></div>
</div>

<div class="outcome outcome-decline">
<h3>{{_ review.decline}}</h3>
<div class="field"><label for="decline-reason">{{_ review.decline_reason}}</label>
<textarea id="decline-reason" name="decline_reason" rows="2" maxlength="4000"{{#DECLINE_REASON_ERROR}} aria-invalid="true"{{/DECLINE_REASON_ERROR}}>{{DECLINE_REASON:pre_escape}}</textarea>
{{#DECLINE_REASON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DECLINE_REASON_ERROR}}</div>
<div class="form-actions"><button type="submit" name="action" value="decline" class="button-danger">{{_ review.decline}}</button></div>
</div>
</div>
</form>
</section>{{/DECISION}}

{{#HISTORY}}<section class="panel" id="history">
<h2>{{_ review.history}}</h2>
<ol class="rounds">
{{#ROUNDS}}<li class="round round-{{OUTCOME_CODE}}">
<p><strong>{{_ review.round}} {{ROUND}}</strong> <span class="badge badge-outcome-{{OUTCOME_CODE}}">{{OUTCOME}}</span></p>
<p class="muted">{{_ review.round_opened}}{{#CLOSED}} · {{_ review.round_closed}}{{/CLOSED}}</p>
{{#ROUND_COMMENT}}<p class="pre">{{TEXT:pre_escape}}</p>{{/ROUND_COMMENT}}
{{#ASKED}}<div class="asked"><p><strong>{{ITEM_TITLE}}</strong>{{_ punct.colon}}{{REVIEW_COMMENT}}</p>
{{#ANSWERED}}<p class="answer"><span class="muted">{{_ review.answer_by}}</span> {{ANSWER}}</p>{{/ANSWERED}}</div>
{{/ASKED}}</li>
{{/ROUNDS}}</ol>
</section>{{/HISTORY}}
