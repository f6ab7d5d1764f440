{{%AUTOESCAPE context="HTML"}}
<p><a href="/applications/{{APP_ID}}">{{_ audit.back_to_application}}</a></p>
<div class="page-head">
<h1>{{_ audit.heading}} #{{AUDIT_ID}} <span class="badge badge-audit-{{AUDIT_STATE_CODE}}">{{AUDIT_STATE}}</span></h1>
</div>
<p class="muted">{{ORGANIZATION}} · <code>{{CREDIT_CODE}}</code> · {{_ application.heading}} #{{APP_ID}}</p>
{{#DONE}}<p class="notice notice-success" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#CHANGED_MEANWHILE}}<p class="notice notice-error" role="alert">{{_ audit.changed_meanwhile}}</p>{{/CHANGED_MEANWHILE}}
{{#FORM_ERRORS}}<p class="notice notice-error" role="alert">{{_ form.errors}}</p>{{/FORM_ERRORS}}
{{#REPORT_BLOCKED}}<div class="notice notice-error" role="alert"><p>{{_ audit.report_blocked}}</p><ul>
{{#BLOCK_UNSCORED}}<li>{{_ audit.block.unscored}}</li>{{/BLOCK_UNSCORED}}
{{#BLOCK_SERIOUS}}<li>{{_ audit.block.serious}}</li>{{/BLOCK_SERIOUS}}
{{#BLOCK_NOTHING_APPLICABLE}}<li>{{_ audit.block.nothing_applicable}}</li>{{/BLOCK_NOTHING_APPLICABLE}}
</ul></div>{{/REPORT_BLOCKED}}

<section class="panel" id="plan">
<h2>{{_ audit.plan.heading}}</h2>
<dl class="facts">
<dt>{{_ audit.dates}}</dt><dd>{{START_DATE}} – {{END_DATE}}</dd>
<dt>{{_ review.mandays}}</dt><dd>{{MANDAYS}}{{#MANDAYS_NOTE}} <span class="muted">({{TEXT}})</span>{{/MANDAYS_NOTE}}</dd>
<dt>{{_ audit.plan.team}}</dt><dd>{{#TEAM}}<span class="badge{{#IS_LEADER}} badge-leader{{/IS_LEADER}}">{{MEMBER_NAME}}{{#IS_LEADER}} · {{_ audit.leader}}{{/IS_LEADER}}</span> {{/TEAM}}</dd>
<dt>{{_ audit.plan.outlets}} ({{VISIT_COUNT}})</dt><dd><ul class="compact">{{#VISITS}}<li>{{NAME}} <span class="muted">{{CITY}} · {{ADDRESS}}</span></li>{{/VISITS}}</ul></dd>
</dl>
{{#CONFIRM}}<form method="post" action="/audits/{{AUDIT_ID}}/confirm">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{AUDIT_VERSION}}">
<p>{{_ audit.confirm_text}}</p>
<div class="form-actions"><button type="submit">{{_ audit.confirm}}</button></div>
</form>{{/CONFIRM}}
</section>

{{#SHEET}}<section class="panel" id="sheet">
<h2>{{_ sheet.heading}} <span class="muted">({{_ sheet.scheme_version}} {{SCHEME_VERSION}})</span></h2>
{{#SCORE}}<div class="score-box">
{{#COMPUTED}}<p class="score-line"><strong class="score-final">{{FINAL}}</strong> → <span class="badge badge-level-{{LEVEL_CODE}}">{{LEVEL}}</span>{{#PROVISIONAL}} <span class="badge badge-provisional">{{_ sheet.provisional}} {{UNSCORED}}</span>{{/PROVISIONAL}}</p>
<p class="muted">{{_ sheet.score_detail}}</p>
<p>{{WHY}}</p>{{/COMPUTED}}
{{#NOTHING_APPLICABLE}}<p class="muted">{{_ sheet.nothing_yet}}</p>{{/NOTHING_APPLICABLE}}
{{#SCORE_INVALID}}<p class="field-error">{{_ sheet.score_invalid}}</p>{{/SCORE_INVALID}}
</div>{{/SCORE}}
<div class="table-wrap"><table class="data sheet">
<thead><tr><th scope="col">{{_ application.indicator}}</th><th scope="col" class="num">{{_ sheet.max}}</th><th scope="col">{{_ sheet.result}}</th><th scope="col">{{_ sheet.notes}}</th><th scope="col">{{_ sheet.evidence}}</th></tr></thead>
<tbody>
{{#INDICATOR_ROWS}}{{#GROUP_HEAD}}<tr class="group-row"><th scope="rowgroup" colspan="5">{{GROUP_NAME}}</th></tr>{{/GROUP_HEAD}}
<tr id="ind-{{CODE}}"{{#ROW_ERROR}} class="row-error"{{/ROW_ERROR}}><th scope="row">{{INDICATOR_NAME}}</th><td class="num" data-label="{{_ sheet.max}}">{{MAX}}</td>
<td>{{#ROW_EDITABLE}}<fieldset class="score-kind"><legend class="visually-hidden">{{INDICATOR_NAME}}</legend>
<label><input type="radio" form="sheet-form" name="kind_{{CODE}}" value="points"{{#K_points}} checked{{/K_points}}> {{_ sheet.kind.points}}</label>
<input form="sheet-form" name="points_{{CODE}}" value="{{POINTS}}" inputmode="decimal" maxlength="8" size="5" aria-label="{{_ sheet.kind.points}}: {{INDICATOR_NAME}}">
<label><input type="radio" form="sheet-form" name="kind_{{CODE}}" value="sampled"{{#K_sampled}} checked{{/K_sampled}}> {{_ sheet.kind.sampled}}</label>
<input form="sheet-form" name="checked_{{CODE}}" value="{{CHECKED}}" inputmode="numeric" maxlength="6" size="4" aria-label="{{_ sheet.checked}}: {{INDICATOR_NAME}}" placeholder="{{_ sheet.checked}}">
<input form="sheet-form" name="nonconforming_{{CODE}}" value="{{NONCONFORMING}}" inputmode="numeric" maxlength="6" size="4" aria-label="{{_ sheet.nonconforming}}: {{INDICATOR_NAME}}" placeholder="{{_ sheet.nonconforming}}">
<label><input type="radio" form="sheet-form" name="kind_{{CODE}}" value="excluded"{{#K_excluded}} checked{{/K_excluded}}> {{_ sheet.kind.excluded}}</label>
</fieldset>{{/ROW_EDITABLE}}
{{#SHEET_READ_ONLY}}{{#UNSCORED}}<span class="muted">{{_ sheet.unscored}}</span>{{/UNSCORED}}{{#K_points}}{{POINTS}}{{/K_points}}{{#K_sampled}}{{KEPT}} <span class="muted">({{NONCONFORMING}}/{{CHECKED}} {{_ sheet.nonconforming}})</span>{{/K_sampled}}{{#K_excluded}}<span class="badge">{{KIND_LABEL}}</span>{{/K_excluded}}{{/SHEET_READ_ONLY}}
{{#ROW_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ROW_ERROR}}</td>
<td data-label="{{_ sheet.notes}}">{{#ROW_EDITABLE}}<textarea form="sheet-form" name="notes_{{CODE}}" rows="2" maxlength="4000" aria-label="{{_ sheet.notes}}: {{INDICATOR_NAME}}">{{NOTES:pre_escape}}</textarea>{{/ROW_EDITABLE}}{{#SHEET_READ_ONLY}}<span class="pre">{{NOTES:pre_escape}}</span>{{/SHEET_READ_ONLY}}</td>
<td data-label="{{_ sheet.evidence}}">{{#EVIDENCE}}<div class="file-row"><a href="/audit-files/{{FILE_ID}}">{{FILE_NAME}}</a>{{#VIEWABLE}} <a class="view-link" href="/audit-files/{{FILE_ID}}?view=1" target="_blank" rel="noopener">{{_ document.view}}</a>{{/VIEWABLE}}</div>{{/EVIDENCE}}
{{#ROW_EDITABLE}}<form class="upload" method="post" enctype="multipart/form-data" action="/audits/{{AUDIT_ID}}/evidence/{{POSITION}}?csrf={{CSRF:u}}" data-max-mb="{{MAX_MB}}"><input type="file" name="file" required aria-label="{{_ sheet.evidence}}: {{INDICATOR_NAME}}"> <button type="submit" class="button-small button-secondary">{{_ document.upload}}</button><progress max="100" value="0" hidden></progress></form>{{/ROW_EDITABLE}}</td></tr>
{{/INDICATOR_ROWS}}
</tbody>
</table></div>
{{#SHEET_EDITABLE}}<form id="sheet-form" method="post" action="/audits/{{AUDIT_ID}}/sheet">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{AUDIT_VERSION}}">
<div class="form-actions"><button type="submit">{{_ sheet.save}}</button></div>
</form>{{/SHEET_EDITABLE}}

<h3>{{_ sheet.deductions}}</h3>
{{#NO_DEDUCTIONS}}<p class="muted">{{_ sheet.no_deductions}}</p>{{/NO_DEDUCTIONS}}
<ul class="special-items">{{#DEDUCTIONS}}<li><span><strong>{{INDICATOR_NAME}}</strong>{{_ punct.colon}}{{FINDING}} <span class="muted">({{_ sheet.breached}}{{_ punct.colon}}{{BREACHED}} · {{RAISED_BY}})</span></span>
{{#DEDUCTION_EDITABLE}}<form class="inline" method="post" action="/audits/{{AUDIT_ID}}/deductions/{{DEDUCTION_ID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="button-secondary button-small">{{_ sheet.remove}}</button></form>{{/DEDUCTION_EDITABLE}}</li>
{{/DEDUCTIONS}}</ul>
{{#SHEET_EDITABLE}}<details class="subform"{{#FINDING_ERROR}} open{{/FINDING_ERROR}}{{#BREACHED_ERROR}} open{{/BREACHED_ERROR}}><summary>{{_ sheet.add_deduction}}</summary>
<form method="post" action="/audits/{{AUDIT_ID}}/deductions">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="d-ind">{{_ application.indicator}}</label><select id="d-ind" name="indicator">{{#INDICATOR_OPTIONS}}<option value="{{CODE}}">{{INDICATOR_NAME}}</option>{{/INDICATOR_OPTIONS}}</select></div>
<div class="field"><label for="d-finding">{{_ sheet.finding}}</label><textarea id="d-finding" name="finding" rows="2" maxlength="2000" required>{{FINDING:pre_escape}}</textarea>{{#FINDING_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/FINDING_ERROR}}</div>
<div class="field"><label for="d-breached">{{_ sheet.breached}}</label><input id="d-breached" name="breached" value="{{BREACHED}}" maxlength="1000" required>{{#BREACHED_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/BREACHED_ERROR}}</div>
<div class="form-actions"><button type="submit" class="button-secondary">{{_ sheet.add_deduction}}</button></div>
</form></details>{{/SHEET_EDITABLE}}

{{#BONUS_HEADING}}<h3>{{_ sheet.bonus}}</h3>{{/BONUS_HEADING}}
{{#BONUS}}<div class="special-bonus"><p><strong>{{INDICATOR_NAME}}</strong>{{_ punct.colon}}{{JUSTIFICATION}}</p>
{{#BONUS_EDITABLE}}<form class="inline" method="post" action="/audits/{{AUDIT_ID}}/bonus"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="clear"><button type="submit" class="button-secondary button-small">{{_ sheet.remove}}</button></form>{{/BONUS_EDITABLE}}</div>{{/BONUS}}
{{#BONUS_FORM}}<details class="subform"{{#JUSTIFICATION_ERROR}} open{{/JUSTIFICATION_ERROR}}><summary>{{_ sheet.add_bonus}}</summary>
<form method="post" action="/audits/{{AUDIT_ID}}/bonus">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="set">
<div class="field"><label for="b-ind">{{_ application.indicator}}</label><select id="b-ind" name="indicator">{{#INDICATOR_OPTIONS}}<option value="{{CODE}}">{{INDICATOR_NAME}}</option>{{/INDICATOR_OPTIONS}}</select></div>
<div class="field"><label for="b-just">{{_ sheet.justification}}</label><textarea id="b-just" name="justification" rows="2" maxlength="2000" required>{{JUSTIFICATION:pre_escape}}</textarea>{{#JUSTIFICATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/JUSTIFICATION_ERROR}}</div>
<div class="form-actions"><button type="submit" class="button-secondary">{{_ sheet.add_bonus}}</button></div>
</form></details>{{/BONUS_FORM}}

{{#REPORT_FORM}}<div class="report-box">
<h3>{{_ audit.report}}</h3>
<form method="post" action="/audits/{{AUDIT_ID}}/report">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{AUDIT_VERSION}}">
<p class="field-hint">{{_ audit.report_hint}}</p>
<div class="form-actions"><button type="submit">{{_ audit.report_submit}}</button></div>
</form>
</div>{{/REPORT_FORM}}
</section>{{/SHEET}}

{{#NONCONFORMITIES}}<section class="panel" id="ncs">
<h2>{{_ nc.heading}}</h2>
{{#NC_CAUSE_ERROR}}<p class="field-error" role="alert">#{{NC_ERROR_ID}} {{_ nc.cause}}{{_ punct.colon}}{{MESSAGE}}</p>{{/NC_CAUSE_ERROR}}
{{#NC_CORRECTION_ERROR}}<p class="field-error" role="alert">#{{NC_ERROR_ID}} {{_ nc.correction}}{{_ punct.colon}}{{MESSAGE}}</p>{{/NC_CORRECTION_ERROR}}
{{#NC_ACTION_ERROR}}<p class="field-error" role="alert">#{{NC_ERROR_ID}} {{_ nc.corrective_action}}{{_ punct.colon}}{{MESSAGE}}</p>{{/NC_ACTION_ERROR}}
{{#NC_VERIFY_ERROR}}<p class="field-error" role="alert">#{{NC_ERROR_ID}} {{_ nc.verify_comment}}{{_ punct.colon}}{{MESSAGE}}</p>{{/NC_VERIFY_ERROR}}
{{#NO_NCS}}<p class="muted">{{_ nc.none}}</p>{{/NO_NCS}}
{{#NCS}}<article class="nc nc-{{NC_STATE_CODE}}" id="nc-{{NC_ID}}">
<p><strong>#{{NC_ID}} {{INDICATOR_NAME}}</strong> <span class="badge badge-severity-{{SEVERITY_CODE}}">{{SEVERITY}}</span> <span class="badge badge-nc-{{NC_STATE_CODE}}">{{NC_STATE}}</span>{{#OVERDUE}} <span class="badge badge-overdue">{{_ nc.overdue}}</span>{{/OVERDUE}}</p>
<p class="pre">{{DESCRIPTION:pre_escape}}</p>
<p class="muted">{{_ nc.due}} {{DUE_DATE}} · {{_ nc.raised_by}} {{RAISED_BY}}</p>
{{#ANSWERS}}<div class="nc-answer">
<p class="muted">{{_ nc.answered_by}}</p>
<dl class="facts"><dt>{{_ nc.cause}}</dt><dd class="pre">{{CAUSE:pre_escape}}</dd><dt>{{_ nc.correction}}</dt><dd class="pre">{{CORRECTION:pre_escape}}</dd><dt>{{_ nc.corrective_action}}</dt><dd class="pre">{{CORRECTIVE_ACTION:pre_escape}}</dd></dl>
{{#VERIFIED}}<p class="verdict"><span class="badge badge-nc-{{VERDICT_CODE}}">{{VERDICT}}</span> {{VERIFY_COMMENT}} <span class="muted">{{VERIFIED_BY}} · {{VERIFIED_AT}}</span></p>{{/VERIFIED}}
</div>{{/ANSWERS}}
{{#NC_FILES}}<div class="file-row"><a href="/nc-files/{{FILE_ID}}">{{FILE_NAME}}</a>{{#VIEWABLE}} <a class="view-link" href="/nc-files/{{FILE_ID}}?view=1" target="_blank" rel="noopener">{{_ document.view}}</a>{{/VIEWABLE}} <span class="muted">{{UPLOADED}}</span></div>{{/NC_FILES}}
{{#ANSWER_FORM}}<div class="nc-action nc-respond"><form class="upload" method="post" enctype="multipart/form-data" action="/nonconformities/{{NC_ID}}/files?csrf={{CSRF:u}}" data-max-mb="50"><input type="file" name="file" required aria-label="{{_ nc.evidence}}: #{{NC_ID}}"> <button type="submit" class="button-small button-secondary">{{_ nc.upload_evidence}}</button><progress max="100" value="0" hidden></progress></form>
<form method="post" action="/nonconformities/{{NC_ID}}/answer">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="cause-{{NC_ID}}">{{_ nc.cause}}</label><textarea id="cause-{{NC_ID}}" name="cause" rows="2" maxlength="4000" required></textarea></div>
<div class="field"><label for="correction-{{NC_ID}}">{{_ nc.correction}}</label><textarea id="correction-{{NC_ID}}" name="correction" rows="2" maxlength="4000" required></textarea></div>
<div class="field"><label for="action-{{NC_ID}}">{{_ nc.corrective_action}}</label><textarea id="action-{{NC_ID}}" name="corrective_action" rows="2" maxlength="4000" required></textarea></div>
<div class="form-actions"><button type="submit">{{_ nc.answer}}</button></div>
</form></div>{{/ANSWER_FORM}}
{{#VERIFY_FORM}}<div class="nc-action"><form method="post" action="/nonconformities/{{NC_ID}}/verify">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="verify-{{NC_ID}}">{{_ nc.verify_comment}}</label><textarea id="verify-{{NC_ID}}" name="comment" rows="2" maxlength="4000"></textarea><p class="field-hint">{{_ nc.verify_hint}}</p></div>
<div class="form-actions"><button type="submit" name="verdict" value="closed">{{_ nc.close}}</button> <button type="submit" name="verdict" value="returned" class="button-secondary">{{_ nc.return}}</button></div>
</form></div>{{/VERIFY_FORM}}
</article>
{{/NCS}}
{{#RAISE_FORM}}<details class="subform"{{#NC_DESCRIPTION_ERROR}} open{{/NC_DESCRIPTION_ERROR}}{{#NC_DUE_ERROR}} open{{/NC_DUE_ERROR}}><summary>{{_ nc.raise}}</summary>
<form method="post" action="/audits/{{AUDIT_ID}}/nonconformities">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field-row">
<div class="field"><label for="nc-ind">{{_ application.indicator}}</label><select id="nc-ind" name="indicator">{{#NC_INDICATORS}}<option value="{{CODE}}">{{INDICATOR_NAME}}</option>{{/NC_INDICATORS}}</select></div>
<div class="field"><label for="nc-sev">{{_ nc.severity}}</label><select id="nc-sev" name="severity"><option value="general">{{_ nc.severity.general}}</option><option value="serious">{{_ nc.severity.serious}}</option></select></div>
<div class="field"><label for="nc-due">{{_ nc.due}}</label><input id="nc-due" name="due_date" type="date" value="{{NC_DUE}}" required>{{#NC_DUE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NC_DUE_ERROR}}</div>
</div>
<div class="field"><label for="nc-desc">{{_ nc.description}}</label><textarea id="nc-desc" name="description" rows="3" maxlength="4000" required>{{NC_DESCRIPTION:pre_escape}}</textarea>{{#NC_DESCRIPTION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NC_DESCRIPTION_ERROR}}</div>
<div class="form-actions"><button type="submit">{{_ nc.raise}}</button></div>
</form></details>{{/RAISE_FORM}}
</section>{{/NONCONFORMITIES}}

{{#EVALUATION}}<section class="panel" id="evaluation">
<h2>{{_ evaluation.heading}}</h2>
<p><span class="badge badge-recommendation-{{RECOMMENDATION_CODE}}">{{RECOMMENDATION}}</span> {{EVAL_LEVEL}} · {{_ evaluation.final}} <strong>{{EVAL_FINAL}}</strong></p>
<p class="muted">{{EVALUATOR}} · {{EVALUATED_AT}}</p>
{{#EVAL_COMMENT}}<p class="pre">{{EVAL_COMMENT}}</p>{{/EVAL_COMMENT}}
{{/EVALUATION}}
{{#ADJUSTMENTS}}<p class="adjustment"><strong>{{INDICATOR_NAME}}</strong>{{_ punct.colon}}{{_ evaluation.adjusted_from}} <span class="muted">— {{REASON}} ({{ADJUSTED_BY}})</span></p>
{{/ADJUSTMENTS}}
{{#EVALUATION}}</section>{{/EVALUATION}}

{{#EVALUATE_FORM}}<section class="panel" id="evaluate">
<h2>{{_ evaluation.form}}</h2>
<p>{{_ evaluation.computed}}</p>
{{#ADJUST_ERROR}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/ADJUST_ERROR}}
{{#RECOMMENDATION_ERROR}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/RECOMMENDATION_ERROR}}
<form method="post" action="/audits/{{AUDIT_ID}}/evaluate">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{AUDIT_VERSION}}">
<details class="subform"><summary>{{_ evaluation.adjust}}</summary>
<div class="table-wrap"><table class="data adjust">
<thead><tr><th scope="col">{{_ application.indicator}}</th><th scope="col" class="num">{{_ sheet.max}}</th><th scope="col">{{_ evaluation.adjusted}}</th><th scope="col">{{_ evaluation.adjust_reason_label}}</th></tr></thead>
<tbody>
{{#ADJUST_ROWS}}<tr><td>{{INDICATOR_NAME}}</td><td class="num">{{MAX}}</td><td><input name="adjust_{{CODE}}" value="{{ADJUST}}" inputmode="decimal" maxlength="8" size="5" aria-label="{{_ evaluation.adjusted}}: {{INDICATOR_NAME}}"></td><td><input name="adjust_reason_{{CODE}}" value="{{ADJUST_REASON}}" maxlength="2000" aria-label="{{_ evaluation.adjust_reason_label}}: {{INDICATOR_NAME}}"></td></tr>
{{/ADJUST_ROWS}}
</tbody></table></div>
</details>
<fieldset class="recommendation"><legend>{{_ evaluation.recommendation}}</legend>
<label><input type="radio" name="recommendation" value="certify" checked> {{_ evaluation.certify_at_level}}</label>
<select name="level" aria-label="{{_ sheet.level}}">{{#LEVEL_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LEVEL_OPTIONS}}</select>
<label><input type="radio" name="recommendation" value="refuse"> {{_ evaluation.recommendation.refuse}}</label>
</fieldset>
<div class="field"><label for="eval-comment">{{_ evaluation.comment}}</label><textarea id="eval-comment" name="comment" rows="2" maxlength="4000">{{EVAL_COMMENT_TYPED:pre_escape}}</textarea>{{#EVAL_COMMENT_TYPED_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/EVAL_COMMENT_TYPED_ERROR}}</div>
<div class="form-actions"><button type="submit">{{_ evaluation.submit}}</button></div>
</form>
</section>{{/EVALUATE_FORM}}

{{#DECIDED}}<section class="panel" id="decision">
<h2>{{_ decision.heading}}</h2>
<p><span class="badge badge-decision-{{OUTCOME_CODE}}">{{OUTCOME}}</span> <span class="muted">{{SUPERVISOR}} · {{DECIDED_AT}}</span></p>
{{#DECISION_COMMENT}}<p class="pre">{{DECISION_COMMENT}}</p>{{/DECISION_COMMENT}}
</section>{{/DECIDED}}
{{#CERTIFICATE}}<p class="notice notice-success"><a href="/certificates/{{CERT_ID}}">{{_ certificate.open}} {{CERT_NUMBER}}</a></p>{{/CERTIFICATE}}

{{#DECIDE_FORM}}<section class="panel" id="decide">
<h2>{{_ decision.form}}</h2>
<form method="post" action="/audits/{{AUDIT_ID}}/decide">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{AUDIT_VERSION}}">
<div class="field"><label for="decision-comment">{{_ decision.comment}}</label><textarea id="decision-comment" name="comment" rows="2" maxlength="4000">{{DECISION_COMMENT_TYPED:pre_escape}}</textarea>{{#DECISION_COMMENT_TYPED_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DECISION_COMMENT_TYPED_ERROR}}</div>
<div class="form-actions"><button type="submit" name="outcome" value="approved">{{_ decision.approve}}</button> <button type="submit" name="outcome" value="refused" class="button-danger">{{_ decision.refuse}}</button></div>
</form>
</section>{{/DECIDE_FORM}}
