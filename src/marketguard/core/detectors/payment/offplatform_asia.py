"""Paying outside the platform in Japanese, Chinese, Korean, Thai, Bengali, Urdu (script and romanised), Persian,
Swahili and Malay, and more Devanagari Hindi: the phrases of paying directly, skipping the fee, closing the contract
and paying the rest outside, and the local rails (PayPay, LINE Pay, Alipay, WeChat Pay, KakaoPay, Toss, PromptPay,
TrueMoney, bKash, Nagad, JazzCash and Easypaisa in Urdu script, M-Pesa, DuitNow, Touch 'n Go, Boost, GrabPay,
card-to-card in Persian).

Data, not logic, merged into `offplatform_langs`' tables beside `offplatform_langs_more` (one registration there). In
the scripts written without spaces (ja, zh, th) and where a particle is glued to the noun (ko, bn: "카카오페이로",
"বিকাশে"), the rail detector's `(?<!\\w)…(?!\\w)` never holds, so their rails are read here as phrases: a rail with a
pay verb in the same clause, and a work word ("組み込む", "接口", "연동", "เชื่อม", "গেটওয়ে") after it excludes it. The
spaced languages' rails join the rail table and, like the other wallets, need a pay word beside them.
"""

from __future__ import annotations

from marketguard.core.text.deva import deva
from marketguard.core.text.scripts import bare

_JA_NOT = r"(?![^。！？!?\n]{0,14}?(?:できません|いたしません|致しません|しません(?!か)|ません(?!か)|ないで|お断り))"
_JA_RAILS = r"(?:paypay|ペイペイ|line\s?pay|ラインペイ|楽天ペイ|メルペイ|au\s?pay|d払い|paypal|ペイパル|wise)"
_JA_WORK = r"(?![^。！？\n]{0,16}?(?:組み込|導入|連携|実装|api|対応|決済画面|ecサイト|サイトに))"
_ZH_NOT = r"(?<!不)(?<!别)(?<!別)(?<!不要)(?<!不能)(?<!不会)(?<!不會)"
_ZH_RAILS = (
    r"(?:支付宝|支付寶|alipay|微信支付|微信转账|微信轉帳|wechat\s?pay|line\s?pay|街口|银行卡|銀行卡|银行账户|銀行帳戶|"
    r"paypal|usdt)"
)
_ZH_WORK = r"(?![^。！？\n]{0,12}?(?:接口|接入|串接|集成|整合|api|sdk|小程序|功能|页面|頁面|網站|网站))"
_KO_RAILS = (
    r"(?:카카오페이|카카오\s?페이|kakao\s?pay|토스|toss|네이버페이|naver\s?pay|페이코|계좌\s?이체|계좌|무통장\s?입금|"
    r"paypal|페이팔)"
)
_KO_NOT = r"(?![^.!?\n]{0,12}?(?:안\s?(?:드|해|하|돼|됩)|못\s|않|없|금지|불가))"
_KO_WORK = r"(?![^.!?\n]{0,16}?(?:연동|api|결제\s?모듈|sdk|개발|구현|적용))"
_TH_RAILS = (
    r"(?:พร้อมเพย์|promptpay|ทรูมันนี่|truemoney|true\s?money|วอลเล็ท|บัญชี|เลขบัญชี|paypal)"
)
_TH_NOT = r"(?<!ไม่)(?<!ไม่ต้อง)(?<!ห้าม)"
_BN_RAILS = r"(?:বিকাশ|নগদ|রকেট|bkash|nagad|rocket)"
_BN_NOT = r"(?![^.!?,।\n]{0,24}?\sনা(?:\s|$|[,.।!?]))"

PAY_PHRASES: dict[str, tuple[str, ...]] = {
    "ja": (
        # "直接振り込んでもらえませんか", "直接口座に振り込んで", "直接お支払い"
        r"直接(?:口座に|私に|こちらに|銀行に)?(?:お)?(?:振り?込|支払|払|送金|入金)" + _JA_NOT,
        r"手数料(?:が|を|は)?(?:もったいない|かからない|かからず|浮く|浮か|節約|払いたくない|避け|なし|無し|引かれない|"
        r"取られない)",
        r"(?:残り|残金|残額|残りの(?:お)?金額|差額)(?:は|を)?[^。！？\n]{0,12}?(?:直接|銀行振込|振り?込|口座|paypay|"
        r"line\s?pay)"
        r"(?![^。！？\n]{0,10}?(?:プラットフォーム|サイト)(?:上|経由|で))" + _JA_NOT,
        r"(?:契約|取引|注文)を?(?:一度|一旦|いったん|先に)?(?:キャンセル|終了|閉じ|完了に)[^。！？\n]{0,40}?(?:振り?込|"
        r"直接|支払|払|送金)",
        r"(?:プラットフォーム|サイト)(?:の)?(?:外|以外|外部)(?:で|に)(?:支払|払|振り?込|送金|取引|決済)",
        # the fee named, then trading directly: "手数料が高いので直接取引しませんか"
        r"(?:手数料|システム利用料|サービス料)[^。！？\n]{0,16}?直接(?:の)?(?:取引|やり取りで|契約)" + _JA_NOT,
        rf"(?:支払い?|お支払い|振込|送金|入金|残金|お金)(?:は|を)?{_JA_RAILS}(?:で|に|へ)" + _JA_WORK + _JA_NOT,
        rf"{_JA_RAILS}(?:で|に|へ)(?:支払|払|振り?込|送金|送って|送り|お願い)" + _JA_WORK + _JA_NOT,
    ),
    "zh": (
        # "直接转支付宝给我", "直接打到我银行卡上", "直接匯款到我的銀行帳戶"
        _ZH_NOT + r"直接(?:转|轉|打|汇|匯|付|给|給)(?:款|账|帳|钱|錢)?(?:到|给|給|进|進)?(?:我|支付宝|支付寶|微信|银行|"
        r"銀行|卡)",
        _ZH_NOT + r"私下(?:交易|付款|付|转账|轉帳|汇款|匯款|结算|結算|支付)",
        r"(?:省|免|躲|避开|避開|不交|不用交|不用付)(?:点|點|掉|了|下)?(?:平台的?)?(?:手续费|手續費|抽成|佣金|服务费|"
        r"服務費)",
        r"(?:平台)?(?:抽成|佣金|手续费|手續費)太(?:高|贵|貴)[^。！？\n]{0,20}?(?:私下|直接|线下|線下)",
        r"(?:合同|合約|订单|訂單)(?:先)?(?:关掉|關掉|关闭|關閉|取消|结束|結束)[^。！？\n]{0,30}?(?:直接|转|轉|打|汇|匯|"
        r"付)",
        r"(?:剩下的?|剩余的?|剩餘的?|尾款|余款|餘款)(?:的?钱|的?錢)?[^。！？\n]{0,12}?(?:直接|线下|線下|私下|"
        rf"{_ZH_RAILS})" + _ZH_WORK,
        _ZH_NOT + rf"(?:转|轉|付|打|汇|匯)(?:到|给|給|进|進)?(?:我的?)?{_ZH_RAILS}" + _ZH_WORK,
        _ZH_NOT + rf"(?:用|走|通过|透過|通過){_ZH_RAILS}(?:转|轉|付|打|汇|匯|支付|给我|給我)" + _ZH_WORK,
        r"(?:不用|不要|别|別|不必)(?:走|透过|透過|通过|通過|经过|經過)平台",
        # WeChat named bare as the way the money goes: "尾款我微信转给你", "微信转你"; "别在平台付了"
        _ZH_NOT
        + r"(?:用|走|通过|通過)?(?:微信|微讯|vx|wx)(?:上)?(?:转|轉|付|打|汇|匯)(?:账|帳|款|钱|錢)?"
        + r"(?:给|給)?(?:你|您|我)"
        + _ZH_WORK,
        r"(?:别|別|不要|不用|不必)(?:在|从|從)平台(?:上)?(?:付|支付|付款|结算|結算|交易)",
        r"(?:线下|線下)(?:交易|付款|转账|轉帳|结算|結算)",
        # "我直接支付宝转给你": directly, the rail, then the verb
        _ZH_NOT + rf"直接(?:用|走|通过|通過)?{_ZH_RAILS}(?:上)?(?:转|轉|付|打|汇|匯|支付)" + _ZH_WORK,
    ),
    "ko": (
        r"수수료\s?(?:아끼|안\s?내|없이|피하|빼|절약|떼이지)",
        r"(?:직접|바로)\s?(?:계좌\s?이체|송금|입금|이체|결제)(?:해|하|부탁)" + _KO_NOT,
        rf"{_KO_RAILS}(?:로|으로)\s?(?:바로\s|직접\s)?(?:보내|송금|입금|이체|결제|주시|줘)" + _KO_WORK + _KO_NOT,
        r"(?:제|내|저의)\s?(?:계좌|통장)(?:로|으로|에)\s?(?:직접\s|바로\s)?(?:입금|송금|이체|보내)" + _KO_NOT,
        r"(?:계약|거래|주문)(?:은|을)?\s?(?:\S+\s){0,2}?(?:종료|취소|마감|끝내|닫)[^.!?\n]{0,40}?(?:입금|송금|이체|"
        r"계좌|직접)",
        r"플랫폼\s?(?:밖|외부)(?:에서|으로|로)?\s?(?:\S+\s)?(?:결제|송금|입금|거래|이체)",
        r"플랫폼\s?(?:거치지|통하지|안\s?거치)",
    ),
    "th": (
        bare(rf"{_TH_NOT}(?:โอน|จ่าย|ชำระ)(?:เงิน)?(?:ผ่าน|เข้า|ทาง|ที่)\s?{_TH_RAILS}(?![^.!?\n]{{0,16}}?(?:เชื่อม|"
        rf"ระบบชำระ|api|เว็บร้าน|ร้านค้า))"),
        bare(rf"{_TH_NOT}(?:จ่าย|โอน|ชำระ)(?:เงิน)?(?:ตรง|โดยตรง)(?:กับ|ให้|เข้า)?"),
        bare(r"(?:ไม่|จะได้ไม่)(?:ต้อง)?(?:เสีย|จ่าย)(?:ค่าธรรมเนียม|ค่าคอม|ค่าคอมมิชชั่น|ค่าแพลตฟอร์ม)"),
        bare(r"(?:ปิดงาน|ปิดสัญญา|ยกเลิกงาน|ยกเลิกสัญญา)[^.!?\n]{0,40}?(?:โอน|จ่าย|บัญชี)"),
        bare(r"(?:ที่เหลือ|ส่วนที่เหลือ|ยอดที่เหลือ)[^.!?\n]{0,10}?(?:โอน|จ่าย)"),
        bare(r"(?:จ่าย|โอน|ชำระ)(?:เงิน)?นอก(?:แพลตฟอร์ม|เว็บ|ระบบ)|นอก(?:แพลตฟอร์ม|เว็บ|ระบบ)(?:จ่าย|โอน|ชำระ)"),
        # the work done outside with the fee saved: "ทำงานนอกแพลตฟอร์ม ประหยัดค่าคอม"
        bare(rf"{_TH_NOT}ประหยัด(?:ค่าธรรมเนียม|ค่าคอม|ค่าแพลตฟอร์ม)"),
        bare(r"(?:ทำงาน|ดีล|ซื้อขาย|ตกลงกัน)นอก(?:แพลตฟอร์ม|เว็บ|ระบบ)[^.!?\n]{0,30}?(?:ค่าคอม|ค่าธรรมเนียม|ประหยัด|โอน|จ่าย)"),
    ),
    "bn": (
        bare(rf"{_BN_RAILS}(?:ে|এ|-এ)?\s(?:\S+\s)?(?:পাঠ|দিন|দিয়ে|সেন্ড|ক্যাশ)") + _BN_NOT,
        bare(rf"(?:টাকা|পেমেন্ট)\s(?:\S+\s)?{_BN_RAILS}(?:ে|এ|-এ)?\s(?:পাঠ|দিন|দিয়ে|দেবেন|সেন্ড)") + _BN_NOT,
        bare(r"সরাসরি\s(?:আমার\s(?:অ্যাকাউন্টে|একাউন্টে|বিকাশে|নম্বরে)\s)?(?:পেমেন্ট|টাকা)\s?(?:পাঠান|পাঠাও|করুন|করো|"
        r"দিন|দাও)?") + _BN_NOT,
        bare(r"কমিশন\s(?:\S+\s)?(?:লাগবে\sনা|কাটবে\sনা|বাঁচবে|বাঁচান|বাঁচাতে|দিতে\sহবে\sনা)"),
        bare(r"(?:কন্ট্রাক্ট|চুক্তি|অর্ডার)\s(?:\S+\s)?(?:বন্ধ|বাতিল|ক্যান্সেল)[^.!?\n।]{0,50}?(?:পাঠান|পাঠাও|সরাসরি|"
        r"বিকাশ|নগদ)"),
        bare(r"(?:প্ল্যাটফর্ম|প্লাটফর্ম|সাইট)(?:ের|এর)?\sবাইরে\s(?:\S+\s){0,2}?(?:টাকা|পেমেন্ট)"),
    ),
    "ur": (
        bare(r"(?:براہ\sراست|ڈائریکٹ|سیدھا|سیدھے)\s(?:مجھے\s|میرے\sاکاؤنٹ\sمیں\s)?(?:ادائیگی|پیمنٹ|پیسے|رقم)\s(?:کریں|"
        r"کرو|بھیجیں|بھیج\sدیں|دیں)"),
        bare(r"کمیشن\s(?:\S+\s)?(?:نہ\sکٹے|نہیں\sکٹے\sگا|بچ\sجائے|بچائیں|بچے\sگا)"),
        bare(r"(?:پلیٹ\s?فارم|سائٹ)\sسے\sباہر\s(?:\S+\s){0,2}?(?:ادائیگی|پیمنٹ|پیسے)"),
    ),
    "ur-la": (
        r"(?:direct|seedha|sidha|seedhe)\s(?:mujhe\s)?(?:payment|paise|paisay|raqam)\s(?:karein|karen|kijiye|kar\sdein|"
        r"bhejein|bhej\sdein|dein)",
        r"commission\s(?:na|nahi|nahin)\s(?:kate|katega|lage|lagega)",
    ),
    "fa": (
        bare(r"(?:مستقیم|مستقیما|مستقیماً)\s(?:به\s)?(?:کارت|حساب)\s?(?:من|م)?\s(?:\S+\s){0,3}?(?:واریز|بریز|"
        r"کارت\sبه\sکارت|بزن)"),
        bare(r"کارت\sبه\sکارت\s(?:کن|کنید|بزن|بزنید)"),
        bare(r"(?:مستقیم|مستقیما|مستقیماً)\s(?:\S+\s)?(?:پرداخت|واریز)\s(?:کن|کنید|بکن)"),
        bare(r"(?:کمیسیون|کارمزد)\s(?:\S+\s){0,2}?(?:کم\sنشه|کسر\sنشه|ندیم|نپردازیم)"),
        bare(r"(?:قرارداد|سفارش|پروژه)\s(?:رو\s|را\s)?(?:ببند|ببندید|کنسل|لغو)[^.!?\n]{0,50}?(?:واریز|حساب|کارت|"
        r"مستقیم)"),
        bare(r"(?:خارج\sاز|بیرون\sاز)\s(?:سایت|پلتفرم)\s(?:\S+\s){0,2}?(?:پرداخت|واریز|تسویه)"),
    ),
    "sw": (
        r"(?:tulipane|nilipe|nilipa|lipa|nitumie\s(?:pesa|malipo)|tuma\spesa)\s(?:\w+\s){0,3}?moja\skwa\smoja",
        r"(?:tuepuke|kuepuka|bila|kukwepa|tuokoe|kuokoa|okoa)\s(?:\w+\s)?(?:ada|kamisheni|komisheni|makato)",
        # paying outside the platform: "tufanye malipo nje ya jukwaa", "nilipe nje ya mfumo"
        r"(?:malipo|tulipane|nilipe|kulipa|lipa|tulipe)\s(?:\w+\s){0,2}?nje\sya\s(?:jukwaa|mfumo|tovuti|app|programu)",
        r"(?:funga|tufunge|sitisha)\s(?:\w+\s)?mkataba\b[^!?\n]{0,60}?\b(?:m-?pesa|salio|nitumie|utanitumia|"
        r"moja\skwa\smoja|benki)",
        r"(?:salio|kiasi\skilichobaki|pesa\silyobaki)\s(?:\w+\s){0,3}?(?:kwa|kupitia)\s(?:m-?pesa|airtel\smoney|"
        r"tigo\spesa|benki)",
        r"(?:lipa\sna\sm-?pesa|(?:till|paybill)\s(?:namba|number|no))"
        r"(?![^.!?\n]{0,40}?\b(?:api|integr\w*|kuunganisha|duka|tovuti|website|daraja))",
    ),
    "ms": (
        r"bayar\s(?:terus|direct)\s(?:\w+\s){0,2}?(?:guna|kat|ke|dekat|melalui|dalam|pada)",
        r"(?:tak\s(?:payah|perlu)|tanpa|elak)\s(?:bayar\s)?(?:yuran|komisen|caj)\s(?:platform|servis|perkhidmatan)",
        r"(?:tutup|batal)\s(?:\w+\s)?kontrak\b[^!?\n]{0,60}?\b(?:bank\sin|transfer|terus|akaun|duitnow|tng)",
        r"(?:baki|selebihnya)\s(?:\w+\s){0,3}?(?:transfer|bank\sin|bayar)\s(?:\w+\s)?(?:guna|melalui|ke|kat)\s"
        r"(?:touch\s'?n\s?go|tng|duitnow|boost|grabpay|akaun|maybank|cimb)",
    ),
    "hi-dv": (
        deva(r"(?:कॉन्ट्रैक्ट|कांट्रेक्ट|ऑर्डर|प्रोजेक्ट)\s(?:\S+\s)?(?:बंद|कैंसल|खत्म)[^.!?\n]{0,50}?(?:सीधे|सीधा|"
        r"मेरे\sखाते|यूपीआई|पेटीएम|फोनपे)"),
    ),
}
"""Per language, phrases of paying outside."""

NO_WORD_START = frozenset({"ja", "zh", "ko", "th", "bn", "ur", "fa", "hi-dv"})
"""Codes whose phrases must not start with `\\b`: unspaced scripts, glued particles, marks the view drops."""

STRONG_RAILS: dict[str, str] = {
    "local wallet (asia)": r"bkash|nagad|promptpay|truemoney|true\smoney|duitnow|touch\s'?n\s?go|tng\sewallet|"
    r"boost\s?pay|"
    r"grab\s?pay|alipay|wechat\s?pay|line\s?pay|paypay|kakao\s?pay|airtel\smoney|tigo\spesa|"
    + bare(r"جاز\s?کیش|ایزی\s?پیسہ|ایزی\s?پیسا"),
}
NEEDS_PAY_WORD = frozenset({"local wallet (asia)"})
PAY_WORDS = (
    r"lipa\w*|malipo|nitumie|utanitumia|tuma|pesa|bayar\w*|transfer|bank\sin|"
    + bare(r"بھیج\w*|پیسے|رقم|ادائیگی|پیمنٹ|پرداخت|واریز|بفرست|بریز")
)
"""Pay and send verbs of these languages, read in a rail's window."""
OUTSIDE_WORDS = r"moja\skwa\smoja|nje\sya\sjukwaa|bayar\sterus|" + bare(r"براہ\sراست|سیدھا|مستقیم")
"""Directly, outside the platform: an off-platform cue in a rail's window."""
BENIGN_WORDS = r"duka\sla\smtandaoni|api|kedai\sonline|integrasi|" + bare(r"گیٹ\s?وے|ویب\sسائٹ|درگاه|فروشگاه")
"""A rail as the subject of shop work in these languages."""
