CREATE TABLE "fraud_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"description_vi" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "fraud_categories_position_check" CHECK ("fraud_categories"."position" between 1 and 9999)
);
--> statement-breakpoint
ALTER TABLE "fraud_categories" ADD CONSTRAINT "fraud_categories_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Seeded with the labels the web app showed before the taxonomy was managed (fraudTypes.* in web/src/i18n/{vi,en}.json).
INSERT INTO "fraud_categories" ("code", "name_vi", "name_en", "description_vi", "description_en", "active", "position") VALUES
	('investment', 'Đầu tư, tiền ảo', 'Investment, crypto', 'Sàn đầu tư, chứng khoán, tiền ảo hứa lãi cao rồi không cho rút tiền.', 'Trading or crypto platforms promising high returns, then you cannot withdraw.', true, 10),
	('job_task', 'Việc làm, làm nhiệm vụ', 'Jobs and tasks', 'Việc nhẹ lương cao, làm nhiệm vụ, đặt đơn hàng ảo rồi phải nạp tiền.', 'Easy well-paid work or online tasks, then you must pay in to get paid.', true, 20),
	('impersonating_authorities', 'Giả danh cơ quan chức năng', 'Fake police or officials', 'Tự xưng công an, tòa án, viện kiểm sát, đe dọa bạn liên quan vụ án.', 'Callers claiming to be police, a court or prosecutors, saying you are in a case.', true, 30),
	('impersonating_bank', 'Giả danh ngân hàng', 'Fake bank staff', 'Giả nhân viên ngân hàng, báo lỗi tài khoản, hỏi mã OTP.', 'Fake bank staff reporting a problem with your account and asking for an OTP.', true, 40),
	('phishing_link', 'Đường link giả mạo', 'Fake links and websites', 'Tin nhắn hoặc trang web giả để lấy mật khẩu, mã OTP, thông tin thẻ.', 'Messages or fake sites that steal passwords, OTP codes or card details.', true, 50),
	('prize_lottery', 'Trúng thưởng, quà tặng', 'Prizes and gifts', 'Báo trúng thưởng, nhận quà nhưng phải đóng phí trước.', 'You have “won” a prize or gift but must pay a fee first.', true, 60),
	('online_shopping', 'Mua bán trực tuyến', 'Online shopping', 'Đặt cọc mua hàng rồi không nhận được hàng, hoặc hàng giả.', 'You paid a deposit and nothing came, or the goods were fake.', true, 70),
	('loan', 'Cho vay', 'Loans', 'Vay tiền nhanh qua mạng, bắt đóng phí hồ sơ hoặc đòi nợ đe dọa.', 'Quick online loans with upfront fees, or threatening debt collectors.', true, 80),
	('romance', 'Tình cảm, hẹn hò', 'Romance and dating', 'Làm quen qua mạng, tạo lòng tin rồi nhờ chuyển tiền hay đầu tư.', 'Someone met online wins your trust, then asks for money or an investment.', true, 90),
	('account_takeover', 'Chiếm đoạt tài khoản', 'Hijacked accounts', 'Tài khoản mạng xã hội hoặc ngân hàng bị chiếm, dùng để lừa người quen.', 'A social media or bank account taken over and used to scam friends.', true, 100),
	('fake_charity', 'Từ thiện giả', 'Fake charity', 'Kêu gọi quyên góp cho hoàn cảnh khó khăn hoặc thiên tai không có thật.', 'Appeals for donations for people or disasters that do not exist.', true, 110),
	('other', 'Hình thức khác', 'Other', 'Không thuộc các loại trên, hoặc bạn không chắc.', 'None of the above, or you are not sure.', true, 120)
ON CONFLICT ("code") DO NOTHING;
