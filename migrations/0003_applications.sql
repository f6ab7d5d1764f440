-- 0003_applications: the GB/T 27922 indicators, the materials checklist,
-- applications with their outlets, categories and exclusions, and uploaded
-- documents in the content-addressed blob store.

-- The fifteen second-level indicators of GB/T 27922-2011 under their three
-- first-level ones.  Their points belong to the versioned scoring scheme.
CREATE TABLE indicators (
	code		text PRIMARY KEY CHECK (code ~ '^[a-z_]{2,32}$'),
	group_code	text NOT NULL CHECK (group_code IN
			    ('service_system', 'product_service', 'customer_service')),
	name_zh		text NOT NULL,
	name_en		text NOT NULL,
	position	integer NOT NULL UNIQUE
);
INSERT INTO indicators (code, group_code, name_zh, name_en, position) VALUES
	('organization', 'service_system', '组织架构', 'Organization', 1),
	('staffing', 'service_system', '人员配置', 'Staffing', 2),
	('resources', 'service_system', '资源配置', 'Resources', 3),
	('norms', 'service_system', '规范要求', 'Norms and procedures', 4),
	('supervision', 'service_system', '监督', 'Supervision', 5),
	('improvement', 'service_system', '改进', 'Improvement', 6),
	('service_culture', 'service_system', '服务文化', 'Service culture', 7),
	('product_information', 'product_service', '商品信息', 'Product information', 8),
	('technical_support', 'product_service', '技术支持', 'Technical support', 9),
	('delivery', 'product_service', '配送', 'Delivery', 10),
	('repair', 'product_service', '维修', 'Repair', 11),
	('quality_guarantee', 'product_service', '质量保证', 'Quality guarantee', 12),
	('take_back', 'product_service', '废弃商品回收', 'Take-back of discarded products', 13),
	('customer_relations', 'customer_service', '顾客关系', 'Customer relations', 14),
	('complaint_handling', 'customer_service', '投诉处理', 'Complaint handling', 15);

-- The materials checklist (DOMAIN.md, "Materials"): reference data the
-- admin can edit.  requirement: required, optional, or conditional
-- (required when the condition holds; the applicant judges it).
CREATE TABLE material_items (
	id		serial PRIMARY KEY,
	code		text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,47}$'),
	group_no	integer NOT NULL CHECK (group_no BETWEEN 1 AND 9),
	title_zh	text NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 200),
	title_en	text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
	requirement	text NOT NULL CHECK (requirement IN ('required', 'optional', 'conditional')),
	help_zh		text NOT NULL DEFAULT '' CHECK (length(help_zh) <= 1000),
	help_en		text NOT NULL DEFAULT '' CHECK (length(help_en) <= 1000),
	position	integer NOT NULL,
	active		boolean NOT NULL DEFAULT true
);
INSERT INTO material_items (code, group_no, title_zh, title_en, requirement, help_zh, help_en, position) VALUES
	('business_licence', 1, '营业执照（加盖公章的复印件）', 'Business licence (stamped copy)', 'required', '', '', 10),
	('permits', 1, '法律法规要求的行政许可证明', 'Licences or permits required by law', 'conditional', '法律法规对所申请的商品或服务要求许可的，须提供。', 'Required where a law requires a licence for the products or services applied for.', 20),
	('old_registrations', 1, '组织机构代码证、税务登记证（旧版执照适用）', 'Organization code and tax registration certificates (older licences)', 'optional', '', '', 30),
	('company_profile', 1, '企业简介（发展历史、经营范围、主要产品、市场占有率、规模）', 'Company profile (history, scope, main products, market share, size)', 'required', '', '', 40),
	('products_description', 1, '申请认证的商品或服务说明', 'Description of the products or services applied for', 'required', '', '', 50),
	('applicable_laws', 1, '适用的法律法规和标准清单', 'List of applicable laws, regulations and standards', 'required', '', '', 60),
	('org_chart', 2, '组织机构图（含售后服务组织）', 'Organization chart including the after-sales organization', 'required', '', '', 110),
	('outlets_list', 2, '销售网点和服务网点清单', 'List of sales and service outlets', 'required', '网点也请在“服务网点”中逐条登记或导入。', 'Please also enter or import the outlets under "Service outlets".', 120),
	('sales_description', 2, '商品销售方式说明', 'Description of how goods are sold', 'required', '', '', 130),
	('aftersales_system', 2, '售后服务体系及服务提供方式说明（自营、外包或混合；设施和资金保障；删减及理由）', 'The after-sales system and how service is delivered (direct, outsourced, mixed), facilities, funding, exclusions and why', 'required', '', '', 140),
	('service_manual', 3, '售后服务手册（方针、目标、承诺；组织与职责；流程与标准；资源）', 'After-sales service manual (policy, objectives, commitments; organization and duties; processes and standards; resources)', 'required', '', '', 210),
	('procedures', 3, '程序文件（咨询、投诉、报修响应及时限；维修；退换货；培训；回访）', 'Procedures (response to enquiries, complaints and repair requests with times; repair; return and exchange; training; follow-up visits)', 'required', '', '', 220),
	('work_instructions', 3, '作业指导书（安装、维修等）', 'Work instructions (installation, repair...)', 'required', '', '', 230),
	('document_list', 3, '服务体系文件清单', 'List of the service system documents', 'required', '', '', 240),
	('staff_list', 4, '售后服务人员名单（岗位及资质）', 'After-sales staff list with posts and qualifications', 'required', '', '', 310),
	('training', 4, '培训计划和培训记录', 'Training plans and records', 'required', '', '', 320),
	('appraisal', 4, '考核制度和考核记录', 'Appraisal rules and records', 'required', '', '', 330),
	('premises', 5, '服务场所证明（租赁合同或产权证明）', 'Proof of service premises (lease or title)', 'required', '', '', 410),
	('equipment_list', 5, '服务设备清单', 'Service equipment list', 'required', '', '', 420),
	('tools_calibration', 5, '工具和检测设备清单及校准记录', 'Tools and test equipment with calibration records', 'conditional', '使用检测设备的须提供。', 'Required where test equipment is used.', 430),
	('spare_parts', 5, '备件管理（库存清单、采购、出入库记录）', 'Spare-parts management (stock list, purchasing, in/out records)', 'conditional', '提供维修服务的须提供。', 'Required where repair is offered.', 440),
	('customer_system', 6, '顾客信息系统及其记录', 'The customer information system and its records', 'required', '', '', 510),
	('satisfaction', 6, '满意度调查制度、调查结果及分析', 'Satisfaction survey rules, surveys and their analysis', 'required', '', '', 520),
	('complaints', 6, '投诉记录', 'Complaint records', 'required', '', '', 530),
	('follow_up', 6, '回访记录', 'Follow-up visit records', 'required', '', '', 540),
	('customer_contract', 7, '售后服务合同样本', 'Sample after-sales service contract with customers', 'required', '', '', 610),
	('supplier_agreements', 7, '与供应商的协议（备件、技术支持）', 'Agreements with suppliers (spare parts, technical support)', 'conditional', '依靠供应商提供备件或技术支持的须提供。', 'Required where suppliers provide spare parts or technical support.', 620),
	('internal_audit', 8, '内部审核制度及记录', 'Internal audit rules and records', 'required', '', '', 710),
	('management_review', 8, '管理评审制度及记录', 'Management review rules and records', 'required', '', '', 720),
	('improvement_records', 8, '改进措施及其效果记录', 'Records of improvement actions and their effect', 'required', '', '', 730),
	('certificates_held', 9, '已获得的认证证书（管理体系、产品）', 'Certificates already held (management systems, products)', 'optional', '', '', 810),
	('honours', 9, '荣誉和奖励', 'Honours and awards', 'optional', '', '', 820),
	('third_party', 9, '第三方对售后服务的评价', 'Third-party evaluations of the after-sales service', 'optional', '', '', 830),
	('social_responsibility', 9, '履行社会责任的证明', 'Proof of social responsibility', 'optional', '', '', 840);

-- Applications.  state moves only as cgi-bin/domain/workflow.c allows;
-- version guards against lost updates (UPDATE ... WHERE version = $n).
CREATE TABLE applications (
	id			bigserial PRIMARY KEY,
	organization_id		bigint NOT NULL REFERENCES organizations (id),
	kind			text NOT NULL CHECK (kind IN ('initial', 'recertification')),
	state			text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted')),
	scope			text NOT NULL DEFAULT '' CHECK (length(scope) <= 2000),
	sales_channels		text NOT NULL DEFAULT '' CHECK (length(sales_channels) <= 2000),
	delivery_mode		text CHECK (delivery_mode IN ('direct', 'outsourced', 'mixed')),
	funding_facilities	text NOT NULL DEFAULT '' CHECK (length(funding_facilities) <= 4000),
	version			integer NOT NULL DEFAULT 1,
	created_by		bigint NOT NULL REFERENCES users (id),
	created_at		timestamptz NOT NULL DEFAULT now(),
	updated_at		timestamptz NOT NULL DEFAULT now(),
	submitted_at		timestamptz,
	CHECK ((state = 'draft') = (submitted_at IS NULL))
);
CREATE INDEX applications_organization ON applications (organization_id, id DESC);
CREATE INDEX applications_queue ON applications (state, submitted_at, id);

CREATE TABLE application_categories (
	application_id	bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	category_id	integer NOT NULL REFERENCES product_categories (id),
	PRIMARY KEY (application_id, category_id)
);

CREATE TABLE application_exclusions (
	application_id	bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	indicator_code	text NOT NULL REFERENCES indicators (code),
	reason		text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
	PRIMARY KEY (application_id, indicator_code)
);

-- Service outlets (服务网点).
CREATE TABLE outlets (
	id		bigserial PRIMARY KEY,
	application_id	bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	address		text NOT NULL CHECK (length(address) BETWEEN 1 AND 300),
	city		text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
	kind		text NOT NULL CHECK (kind IN ('fixed', 'mobile')),
	staff_count	integer NOT NULL CHECK (staff_count BETWEEN 0 AND 100000),
	operator	text NOT NULL CHECK (operator IN ('direct', 'partner'))
);
CREATE INDEX outlets_application ON outlets (application_id, id);

-- The blob store: one row per stored file content (var/.../blobs/sha256/ab/cd/<hash>).
CREATE TABLE blobs (
	sha256		text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	size		bigint NOT NULL CHECK (size >= 0),
	content_type	text NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now()
);

-- Uploaded materials: every upload is a new version; the original file
-- name is kept here only, never on disk.
CREATE TABLE documents (
	id		bigserial PRIMARY KEY,
	application_id	bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
	material_id	integer NOT NULL REFERENCES material_items (id),
	version		integer NOT NULL CHECK (version >= 1),
	blob_sha256	text NOT NULL REFERENCES blobs (sha256),
	file_name	text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
	content_type	text NOT NULL,
	size		bigint NOT NULL CHECK (size >= 0),
	uploaded_by	bigint NOT NULL REFERENCES users (id),
	uploaded_at	timestamptz NOT NULL DEFAULT now(),
	UNIQUE (application_id, material_id, version)
);
CREATE INDEX documents_blob ON documents (blob_sha256);
