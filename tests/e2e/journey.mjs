// journey.mjs: an enterprise's journey through the portal in Chromium, as a person
// would click it: register, apply, add outlets, upload materials, try to submit,
// complete and submit; then the same first steps once in English. Every step
// asserts what the user sees and leaves a screenshot in tests/e2e/screenshots/.
import { chromium } from "playwright-core";
import { writeFileSync } from "node:fs";
import { strict as assert } from "node:assert";

const BASE = process.env.STARCERT_URL;
const SHOTS = new URL("./screenshots/", import.meta.url).pathname;
let passed = 0, failed = 0;

const browser = await chromium.launch({
	executablePath: "/usr/bin/chromium",
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run"],
});

async function step(page, name, fn) {
	try {
		await fn();
		passed++;
		console.log(`  ok   ${name}`);
	} catch (e) {
		failed++;
		console.log(`  FAIL ${name}: ${e.message.split("\n")[0]}`);
	}
	await page.screenshot({ path: `${SHOTS}${String(passed + failed).padStart(2, "0")}-${name}.png`, fullPage: true });
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
	const page = await context.newPage();
	const t = (a, b) => (zh ? a : b);

	await step(page, `${locale}-home`, async () => {
		await page.goto(BASE + "/");
		assert.equal(await page.getAttribute("html", "lang"), zh ? "zh-CN" : "en");
		assert.match(await text(page), zh ? /认证流程/ : /How certification works/);
	});

	await step(page, `${locale}-register`, async () => {
		await page.click(`text=${t("企业注册", "Register")}`);
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

	await context.close();
	return page;
}

await journey("zh-CN", "91330200MA2AXXXX1F", "wangfang@journey.example");
await journey("en-US", "91110105MA00ABCD1G", "jane@journey.example");
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
