// journey.mjs: an enterprise's journey through the portal in Chromium, as a person
// would click it: register, apply, add outlets, upload materials, complete and
// submit; a reviewer takes the application, judges the materials and asks for a
// supplement; the applicant supplements one item and resubmits; the reviewer
// accepts it; the applicant reads the outcome and the history of rounds. Then
// the first steps once more in English (the review part runs in Chinese only, to
// keep the journey short). Every step asserts what the user sees and leaves a
// screenshot in tests/e2e/screenshots/ (some steps also a close-up of a panel or
// a phone-width view, named after the step).
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { strict as assert } from "node:assert";

const BASE = process.env.STARCERT_URL;
const SHOTS = new URL("./screenshots/", import.meta.url).pathname;
let passed = 0, failed = 0;
const started = Date.now();
for (const f of readdirSync(SHOTS))
	if (f.endsWith(".png"))
		rmSync(SHOTS + f);

const browser = await chromium.launch({
	executablePath: "/usr/bin/chromium",
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run"],
});

// step(page, name, fn): run fn(shot) and screenshot the whole page as NN-name.png.
// shot(suffix, locator?) saves an extra one, NN-name-suffix.png, of a panel or
// (without a locator) of the page as it is, e.g. at a phone's width.
async function step(page, name, fn) {
	const n = String(passed + failed + 1).padStart(2, "0");
	const shot = async (suffix, locator) => {
		const path = `${SHOTS}${n}-${name}-${suffix}.png`;
		if (locator)
			await locator.screenshot({ path });
		else
			await page.screenshot({ path, fullPage: true });
	};
	const t0 = Date.now();
	try {
		await fn(shot);
		passed++;
		console.log(`  ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
	} catch (e) {
		failed++;
		console.log(`  FAIL ${name}: ${e.message.split("\n")[0]}`);
	}
	await page.screenshot({ path: `${SHOTS}${n}-${name}.png`, fullPage: true });
}

// atPhoneWidth(page, fn): run fn with the viewport of a 390 px wide phone, asserting
// that nothing makes the page scroll sideways.
async function atPhoneWidth(page, fn) {
	const desktop = page.viewportSize();
	await page.setViewportSize({ width: 390, height: 844 });
	try {
		const wide = await page.evaluate(() => {
			const out = [];
			for (const el of document.querySelectorAll("main *")) {
				const r = el.getBoundingClientRect();
				if (r.width > 0 && r.right > document.documentElement.clientWidth + 1 && !el.closest(".table-wrap"))
					out.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${el.className}`);
			}
			return { scroll: document.documentElement.scrollWidth, out: out.slice(0, 5) };
		});
		assert.ok(wide.scroll <= 390 && wide.out.length === 0, `wider than the phone: ${wide.scroll}px; ${wide.out.join(", ")}`);
		await fn();
	} finally {
		await page.setViewportSize(desktop);
	}
}

// addStaff: a staff account made the way an operator does, with starcertctl.
function addStaff(email, name, roles, password) {
	const v = process.env.STARCERT_VAR;
	const port = [...readFileSync(`${v}/pg/postgresql.conf`, "utf8").matchAll(/^port = (\d+)/gm)].pop()[1];
	execFileSync(`${process.env.STARCERT_BUILD}/starcertctl`, ["user", "add", email, "--name", name, "--role", roles], {
		input: password + "\n",
		stdio: ["pipe", "ignore", "inherit"],
		env: { ...process.env, ASAN_OPTIONS: "detect_leaks=0", STARCERT_DB: `host=${v}/pgsock port=${port} dbname=starcert user=starcert_app` },
	});
}

async function signIn(page, email, password) {
	await page.goto(BASE + "/login");
	await page.fill("#email", email);
	await page.fill("#password", password);
	await Promise.all([page.waitForNavigation(), page.click("form[action='/login'] button[type=submit]")]);
}

async function text(page) {
	return (await page.textContent("main")) || "";
}

const pdf = "/tmp/starcert-e2e.pdf";
writeFileSync(pdf, "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");
const png = "/tmp/starcert-e2e.png";
writeFileSync(png, Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64"));

async function journey(locale, code, email) {
	const zh = locale === "zh-CN";
	const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
	context.setDefaultTimeout(10000);
	const page = await context.newPage();
	const t = (a, b) => (zh ? a : b);

	await step(page, `${locale}-home`, async () => {
		await page.goto(BASE + "/");
		assert.equal(await page.getAttribute("html", "lang"), zh ? "zh-CN" : "en");
		assert.match(await text(page), zh ? /认证流程/ : /How certification works/);
	});

	await step(page, `${locale}-register`, async () => {
		const link = page.locator(`.site-nav a[href="/register"]`);
		assert.equal((await link.textContent()).trim(), t("企业注册", "Register"));
		await link.click();
		await page.fill("#org_name", zh ? "星辰电器服务有限公司" : "Stellar Appliance Service Co.");
		await page.fill("#credit_code", code);
		await page.fill("#address", "浙江省杭州市西湖区文三路 1 号");
		await page.fill("#legal_representative", "王五");
		await page.fill("#contact_name", "王芳");
		await page.fill("#contact_phone", "0571-88886666");
		await page.fill("#contact_email", email);
		await page.fill("#user_name", "王芳");
		await page.fill("#email", email);
		await page.fill("#password", "journey-password-1");
		await page.fill("#password_confirm", "journey-password-1");
		await Promise.all([page.waitForNavigation(), page.click("form[action='/register'] button[type=submit]")]);
		assert.match(await text(page), zh ? /注册成功/ : /You are registered/);
	});

	await step(page, `${locale}-new-application`, async () => {
		await page.click(`nav >> text=${t("认证申请", "Applications")}`);
		await Promise.all([page.waitForNavigation(), page.click(`text=${t("创建申请草稿", "Create a draft")}`)]);
		assert.match(page.url(), /\/applications\/\d+$/);
		assert.match(await text(page), zh ? /草稿/ : /Draft/);
		assert.match(await text(page), zh ? /提交前还需要完成以下内容/ : /Before you can submit/);
	});

	await step(page, `${locale}-details`, async () => {
		await page.fill("#scope-input", "家用空调的销售、安装和维修服务");
		await page.check("#categories input[type=checkbox] >> nth=0");
		await page.fill("#sales-input", "直营门店与电商平台");
		await page.check("input[name=delivery_mode][value=mixed]");
		await page.fill("#funding-input", "每年售后服务专项资金 2000 万元，自有维修中心 3 个");
		await page.check("input[name=exclude_take_back]");
		await page.fill("input[name=reason_take_back]", "不涉及废弃商品回收");
		await Promise.all([page.waitForNavigation(), page.click("#details button[type=submit]")]);
		assert.match(await text(page), zh ? /申请信息已保存/ : /Saved/);
	});

	await step(page, `${locale}-outlet`, async () => {
		await page.click(`summary:has-text("${t("添加一个网点", "Add an outlet")}")`);
		await page.fill("#o-name", "杭州西湖服务中心");
		await page.fill("#o-city", "杭州");
		await page.fill("#o-address", "西湖区文三路 1 号");
		await page.fill("#o-staff", "12");
		await Promise.all([page.waitForNavigation(), page.click(`text=${t("添加网点", "Add the outlet")}`)]);
		assert.match(await text(page), /杭州西湖服务中心/);
	});

	await step(page, `${locale}-upload-with-progress`, async () => {
		const item = page.locator("#material-business_licence");
		await item.locator("input[type=file]").setInputFiles(pdf);
		await Promise.all([page.waitForURL(/done=uploaded/), item.locator("button[type=submit]").click()]);
		assert.match(await page.locator("#material-business_licence").textContent(), /starcert-e2e\.pdf/);
	});

	await step(page, `${locale}-refused-type`, async () => {
		writeFileSync("/tmp/starcert-e2e-fake.pdf", "<html><body>not a pdf</body></html>\n");
		const item = page.locator("#material-company_profile");
		await item.locator("input[type=file]").setInputFiles("/tmp/starcert-e2e-fake.pdf");
		await item.locator("button[type=submit]").click();
		await page.waitForSelector(".notice-error");
		assert.match(await text(page), /text\/html/);
	});

	return { context, page };
}

// The applicant completes the application and submits it.
async function submitApplication(page) {
	const app = page.url().replace(/[?#].*$/, "");
	await step(page, "zh-CN-complete-and-submit", async () => {
		await page.goto(app);
		assert.match(await text(page), /提交前还需要完成以下内容/);
		const missing = await page.$$eval(".material", (els) => els
			.filter((m) => m.querySelector(".badge-required") && !m.querySelector(".file-row"))
			.map((m) => m.id));
		assert.ok(missing.length > 10, `only ${missing.length} required items without a file`);
		// A few one after the other as a person would (each upload reloads the page
		// at its item, also when the address is already ?done=uploaded) ...
		for (const id of missing.slice(0, 3)) {
			const item = page.locator(`#${id}`);
			await item.locator("input[type=file]").setInputFiles(pdf);
			await Promise.all([page.waitForURL(new RegExp(`done=uploaded#${id}$`)), item.locator("button[type=submit]").click()]);
			await item.locator(".file-row").waitFor({ timeout: 5000 });
		}
		// ... and the rest with the very request each item's form sends, to keep the journey short.
		for (const id of missing.slice(3)) {
			const action = await page.getAttribute(`#${id} form.upload`, "action");
			const file = id === "material-org_chart" ?
				{ name: "组织机构图.png", mimeType: "image/png", buffer: readFileSync(png) } :
				{ name: `${id.slice(9)}.pdf`, mimeType: "application/pdf", buffer: readFileSync(pdf) };
			const res = await page.request.post(BASE + action, { headers: { Origin: BASE }, multipart: { file }, maxRedirects: 0 });
			assert.equal(res.status(), 303, `upload ${id}`);
		}
		await page.goto(app);
		assert.doesNotMatch(await text(page), /提交前还需要完成以下内容/);
		assert.match(await page.textContent("#submit"), /可以提交/);
		await Promise.all([page.waitForNavigation(), page.click("#submit button[type=submit]")]);
		assert.match(await text(page), /申请已提交，请等待认证机构审核/);
		assert.match(await page.textContent("h1 .badge"), /已提交，待审核/);
	});
	return app;
}

// The reviewer's first round: take, judge, tick some eligibility, ask for a supplement.
async function reviewRoundOne(page, app) {
	const id = app.match(/\d+$/)[0];
	await step(page, "zh-CN-reviewer-queue", async (shot) => {
		await signIn(page, "li.shen@journey.example", "reviewer-password-1");
		await page.click("nav >> text=审核队列");
		await page.waitForURL(/\/review/);
		const row = page.locator(`tr:has(a[href="/applications/${id}"])`);
		assert.match(await row.textContent(), /星辰电器服务有限公司/);
		assert.match(await row.textContent(), /已提交，待审核/);
		await shot("list");
		await Promise.all([page.waitForNavigation(), row.locator("a").click()]);
		assert.match(await page.textContent("#review"), /尚无审核员领取/);
		assert.equal(await page.locator(".verdict-form").count(), 0, "verdicts before taking it");
	});

	await step(page, "zh-CN-reviewer-take", async (shot) => {
		await Promise.all([page.waitForNavigation(), page.click("text=领取审核")]);
		assert.match(await text(page), /已领取，您现在是此申请的审核员/);
		assert.match(await page.textContent("#review"), /由 李审核 审核/);
		assert.ok(await page.locator("#material-company_profile .verdict-form").isVisible());
		assert.ok(await page.locator("#decision #eligibility").isVisible());
		// A PDF opens in the browser ("查看"), inline and sandboxed, not as a download.
		const view = page.locator("#material-business_licence a.view-link").first();
		assert.equal(await view.textContent(), "查看");
		const res = await page.context().request.get(BASE + await view.getAttribute("href"));
		assert.equal(res.status(), 200);
		assert.match(res.headers()["content-disposition"], /^inline/);
		assert.match(res.headers()["content-security-policy"], /sandbox/);
		assert.equal(await page.locator("#material-org_chart a.view-link").count(), 1, "an image opens too");
		assert.equal(await page.locator("#material-business_licence .file-row").count(), 1);
		await atPhoneWidth(page, () => shot("phone"));
	});

	await step(page, "zh-CN-reviewer-asks-for-a-supplement", async (shot) => {
		const forms = page.locator(".material:has(.file-row) .verdict-form");
		const n = await forms.count();
		for (let i = 0; i < n; i++)
			await forms.nth(i).locator("input[value=accepted]").check();
		const profile = page.locator("#material-company_profile .verdict-form");
		await profile.locator("input[value=supplement]").check();
		await profile.locator("input[type=text], input:not([type])").fill("缺少近三年市场占有率数据，请补充。");
		const permits = page.locator("#material-permits .verdict-form");
		await permits.locator("input[value=not_applicable]").check();
		await permits.locator("input:not([type])").fill("空调销售和维修不需要行政许可");
		await page.check("#met-legal_entity");
		await page.check("#met-written_rules");
		await page.fill("input[name=note_funding]", "待核实专项资金的年度预算");
		await page.fill("#round-comment", "请在两周内补充，其余材料已通过。");
		await page.evaluate(() => document.activeElement.blur());
		await shot("decision", page.locator("#decision"));
		await Promise.all([page.waitForNavigation(), page.click("#decision button[name=action][value=supplement]")]);
		assert.match(await text(page), /已要求申请人补充材料/);
		assert.match(await page.textContent("h1 .badge"), /需补充材料/);
		// Nobody holds it while the applicant works on it: the verdicts show as badges.
		assert.equal(await page.locator(".verdict-form").count(), 0);
		assert.match(await page.textContent("#material-company_profile .verdict"), /需补充\s*缺少近三年市场占有率数据/);
		assert.match(await page.textContent("#material-permits .verdict"), /不适用\s*空调销售和维修不需要行政许可/);
		assert.match(await page.textContent("#history"), /要求补充[\s\S]*请在两周内补充/);
	});
}

// The applicant reads what is asked, uploads a new version, answers and resubmits.
async function supplement(page, app) {
	await step(page, "zh-CN-applicant-sees-the-request", async (shot) => {
		await page.goto(BASE + "/applications");
		assert.match(await text(page), /需补充材料/);
		await Promise.all([page.waitForNavigation(), page.click(`a[href="${new URL(app).pathname}"] >> nth=0`)]);
		const panel = page.locator("#supplement");
		assert.match(await panel.locator("h2").textContent(), /需要补充的材料/);
		assert.equal(await panel.locator(".supplement-item").count(), 1);
		assert.match(await panel.textContent(), /企业简介[\s\S]*缺少近三年市场占有率数据/);
		assert.match(await panel.textContent(), /请在两周内补充，其余材料已通过。/);
		assert.match(await panel.textContent(), /尚未上传新版本/);
		assert.match(await page.textContent("#material-company_profile .flagged"), /需补充：\s*缺少近三年市场占有率数据/);
		// Only the flagged item can take a new file; the details are locked.
		assert.equal(await page.locator("#material-company_profile form.upload").count(), 1);
		assert.equal(await page.locator("#material-training form.upload").count(), 0);
		assert.equal(await page.locator("#scope-input").count(), 0);
		await shot("panel", panel);
		await atPhoneWidth(page, () => shot("phone", panel));
	});

	await step(page, "zh-CN-applicant-resubmits", async (shot) => {
		await page.click("#supplement a[href='#material-company_profile']");
		const item = page.locator("#material-company_profile");
		await item.locator("input[type=file]").setInputFiles(pdf);
		await Promise.all([page.waitForURL(/done=uploaded/), item.locator("button[type=submit]").click()]);
		await page.waitForFunction(() => document.querySelectorAll("#material-company_profile .file-row").length === 2);
		assert.match(await page.textContent("#supplement"), /已上传 1 个新版本/);
		assert.match(await page.textContent("#supplement"), /所有项目均已处理，可以重新提交/);
		await page.fill("#supplement textarea", "已在企业简介第 3 页补充 2021—2023 年市场占有率。");
		await page.evaluate(() => document.activeElement.blur());
		await shot("answered", page.locator("#supplement"));
		await Promise.all([page.waitForNavigation(), page.click("#supplement button[value=resubmit]")]);
		assert.match(await text(page), /补充材料已提交，请等待再次审核/);
		assert.match(await page.textContent("h1 .badge"), /已补充，待审核/);
		assert.equal(await page.locator("#supplement").count(), 0);
	});
}

// The reviewer's second round: take it again, accept the item, complete the checklist, accept.
async function reviewRoundTwo(page, app) {
	const id = app.match(/\d+$/)[0];
	await step(page, "zh-CN-reviewer-round-2", async () => {
		await page.goto(BASE + "/review");
		const row = page.locator(`tr:has(a[href="/applications/${id}"])`);
		assert.match(await row.textContent(), /已补充，待审核/);
		await Promise.all([page.waitForNavigation(), row.locator("a").click()]);
		await Promise.all([page.waitForNavigation(), page.click("text=领取审核")]);
		const profile = page.locator("#material-company_profile");
		assert.match(await profile.textContent(), /申请人在您的结论之后上传了新版本/);
		assert.ok(await profile.locator("input[value=supplement]").isChecked(), "the round-1 verdict is kept");
		assert.ok(await page.locator("#material-training input[value=accepted]").isChecked(), "accepted items stay accepted");
		assert.match(await page.textContent("#history"), /已在企业简介第 3 页补充/);
	});

	await step(page, "zh-CN-reviewer-accept-refused", async () => {
		await page.check("#material-company_profile input[value=accepted]");
		await page.fill("#material-company_profile .verdict-form input:not([type])", "");
		await Promise.all([page.waitForNavigation(), page.click("#decision button[value=accept]")]);
		const err = page.locator("#decision .notice-error");
		assert.match(await err.textContent(), /尚不能受理/);
		assert.match(await err.textContent(), /资格条件未勾选满足/);
		assert.match(await page.textContent("h1 .badge"), /审核中/);
		// The form comes back as it was filled in.
		assert.ok(await page.locator("#material-company_profile input[value=accepted]").isChecked());
		assert.ok(await page.locator("#met-legal_entity").isChecked());
	});

	await step(page, "zh-CN-reviewer-accepts", async (shot) => {
		for (const box of await page.locator("#eligibility input[type=checkbox]").all())
			await box.check();
		const mandays = await page.inputValue("#mandays");
		assert.match(mandays, /^\d+(\.5)?$/);
		assert.match(await page.textContent("#decision"), new RegExp(`按规则估算：${mandays.replace(".", "\\.")} 人日`));
		await shot("decision", page.locator("#decision"));
		await Promise.all([page.waitForNavigation(), page.click("#decision button[value=accept]")]);
		assert.match(await text(page), /申请已受理/);
		assert.match(await page.textContent("h1 .badge"), /已受理/);
		assert.match(await text(page), new RegExp(`审核人日：${mandays.replace(".", "\\.")}`));
		assert.equal(await page.locator("#decision").count(), 0);
	});
}

// The applicant reads the outcome and the history of both rounds.
async function outcome(page, app) {
	await step(page, "zh-CN-applicant-accepted", async (shot) => {
		await page.goto(app);
		assert.match(await page.textContent("h1 .badge"), /已受理/);
		assert.match(await page.textContent(".notice-success"), /申请已受理[\s\S]*审核人日/);
		const history = page.locator("#history");
		assert.match(await history.locator("h2").textContent(), /审核记录/);
		assert.equal(await history.locator("ol.rounds > li").count(), 2);
		// The newest round first.
		const [two, one] = [history.locator("ol.rounds > li").nth(0), history.locator("ol.rounds > li").nth(1)];
		assert.match(await one.textContent(), /轮次 1[\s\S]*要求补充[\s\S]*缺少近三年市场占有率数据[\s\S]*已在企业简介第 3 页补充/);
		assert.match(await two.textContent(), /轮次 2[\s\S]*受理/);
		await shot("history", history);
		await atPhoneWidth(page, () => shot("phone"));
	});
}

addStaff("li.shen@journey.example", "李审核", "reviewer", "reviewer-password-1");
const zh = await journey("zh-CN", "91330200MA2AXXXX1F", "wangfang@journey.example");
const app = await submitApplication(zh.page);
const reviewer = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
reviewer.setDefaultTimeout(10000);
const rpage = await reviewer.newPage();
await reviewRoundOne(rpage, app);
await supplement(zh.page, app);
await reviewRoundTwo(rpage, app);
await outcome(zh.page, app);
await reviewer.close();
await zh.context.close();
const en = await journey("en-US", "91110105MA00ABCD1G", "jane@journey.example");
await en.context.close();
await browser.close();
console.log(`${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed === 0 ? 0 : 1);
