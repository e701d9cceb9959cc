"""Contact requests in the languages of Asia and East Africa that the other tables do not read: Japanese, Chinese
(simplified and traditional in one table), Korean, Thai, Bengali, Urdu (script and romanised), Persian, Swahili and
Malay, and more Devanagari Hindi.

Data, not logic, the same shape as `request_langs_more`: each language is a `Lexicon` whose fields become named
phrases (`ja-ask`, `th-on-app` …) of `request.py`'s table, behind the shared RE2 prefilter, so a message without
their words pays nothing; `POINTERS` are "my number is in my profile" (`ja-pointer` …). Japanese, Chinese and Thai
write no space between words and Korean glues its particles to them, so those phrases carry no `\\b`: each is a
whole construction (a verb with its object, "add me" with the app), never a lone noun, and a refusal after the verb
("できません", "안 드려요", "ไม่", "না", "نہیں") is excluded in the phrase itself, since `context.py` reads the "not"
of spaced languages only. Thai, Bengali, Urdu and Persian go through `bare()` (the view drops their marks).
"""

from __future__ import annotations

from marketguard.core.detectors.contact.request_langs import Lexicon, lexicon_phrases
from marketguard.core.detectors.pattern import Phrase
from marketguard.core.text.deva import deva
from marketguard.core.text.scripts import bare

_APPS = (
    r"(?:whats\s?app|telegram|viber|signal|instagram|insta|messenger|facebook|skype|discord|zalo|line|wechat|imo|"
    r"kakao\s?talk|kakao)"
)

# Japanese: a detail, an app, and what is done with it
_JA_DETAIL = r"(?:電話番号|携帯番号|携帯|ケータイ|メールアドレス|メアド|メール|連絡先|line\s?id|ラインid|ライン|line)"
_JA_APPS = (
    r"(?:line|ライン|wechat|whats\s?app|telegram|テレグラム|instagram|インスタ|discord|skype|カカオ(?:トーク)?|kakao)"
)
_JA_NOT = (
    r"(?![^。！？!?\n]{0,16}?(?:できません|いたしません|致しません|しません(?!か)|ません(?!か)|ないで|ない(?!か)|"
    r"お断り))"
)
# Chinese (simplified and traditional)
_ZH_APPS = (
    r"(?:微信|威信|vx|wx|weixin|wechat|qq|line|whats\s?app|telegram|电报|電報|飞机|飛機|绿泡泡|綠泡泡|小绿泡|小綠泡)"
)
"""The apps, with their slang: 飞机 (the plane, Telegram), 绿泡泡 (the green bubble, WeChat)."""
_ZH_DETAIL = (
    r"(?:电话号码|電話號碼|电话|電話|手机号码?|手機號碼?|手机|手機|号码|號碼|联系方式|聯絡方式|聯繫方式|联系方法|邮箱|"
    r"信箱|"
    r"电邮|電郵|微信号?|微信號|qq号?|line\s?id)"
)
_ZH_NOT = r"(?<!不)(?<!别)(?<!別)(?<!不要)(?<!不能)(?<!不会)(?<!不會)(?<!没法)(?<!沒法)(?<!不在)"
# Korean
_KO_APPS = (
    r"(?:카톡|카카오톡|카카오\s?톡|kakao\s?talk|kakao|라인|line|텔레그램|telegram|왓츠앱|whats\s?app|위챗|wechat|"
    r"인스타)"
)
_KO_DETAIL = (
    r"(?:연락처|전화\s?번호|폰\s?번호|휴대폰\s?번호|이메일(?:\s?주소)?|메일\s?주소|카톡\s?아이디|"
    r"카카오톡\s?아이디|라인\s?아이디)"
)
_KO_NOT = r"(?![^.!?\n]{0,12}?(?:안\s?(?:드|해|하|돼|됩)|못\s|않|없|말고|금지|불가))"
# Thai (through `bare`)
_TH_APPS = (
    r"(?:ไลน์|line|ไอดีไลน์|เฟส|facebook|วอทส์แอพ|วอทสแอพ|whats\s?app|เทเลแกรม|telegram|ไอจี|ig|wechat)"
)
_TH_DETAIL = r"(?:เบอร์โทร(?:ศัพท์)?|เบอร์|อีเมล|เมล|ไลน์|ไอดีไลน์|ช่องทางติดต่อ)"
_TH_NOT = r"(?<!ไม่)(?<!ไม่ได้)(?<!ห้าม)"
# Bengali (through `bare`)
_BN_APPS = (
    r"(?:হোয়াটসঅ্যাপ|হোয়াটস\s?অ্যাপ|ইমো|টেলিগ্রাম|মেসেঞ্জার|ভাইবার|whats\s?app|imo|telegram|messenger|viber)"
)
_BN_DETAIL = r"(?:(?:ফোন|মোবাইল|হোয়াটসঅ্যাপ)\s)?(?:নম্বর|নাম্বার|ইমেইল|ইমেল|মেইল)"
_BN_NOT = r"(?![^.!?,।\n]{0,24}?\sনা(?:\s|$|[,.।!?]))"
# Urdu (through `bare`)
_UR_APPS = r"(?:واٹس\s?ایپ|واٹس\s?اپ|وٹس\s?ایپ|ٹیلی\s?گرام|ٹیلیگرام|ایمو|whats\s?app|telegram|imo)"
_UR_DETAIL = r"(?:(?:فون|موبائل|واٹس\s?ایپ)\s)?(?:نمبر|ای\s?میل)"
_UR_NOT = r"(?![^.!?،\n]{0,24}?(?:نہیں|مت\s))"
# Persian (through `bare`: the view drops the zero-width non-joiner)
_FA_APPS = (
    r"(?:تلگرام|واتساپ|واتس\s?اپ|ایتا|روبیکا|اینستا(?:گرام)?|whats\s?app|telegram|eitaa|rubika)"
)
_FA_DETAIL = r"(?:شماره(?:\s(?:تلفن|موبایل|همراه|واتساپ))?|ایمیل|آیدی(?:\s(?:تلگرام|اینستا))?)"
_FA_NOT = r"(?![^.!?،\n]{0,20}?(?:نمی|نه\s|نخیر))"

LEXICONS: tuple[Lexicon, ...] = (
    Lexicon(
        "ja",
        ask=rf"{_JA_DETAIL}(?:を|は|も)?\s?(?:教えて|送って|いただけ|頂け|もらえ|ください|下さい|交換)" + _JA_NOT,
        mine=rf"(?:私|わたし|僕|ぼく|俺|自分)の{_JA_DETAIL}(?:\s?id)?\s?(?:は|:)(?!\s?(?:プロフィール|ここ))",
        write=r"直接(?:ご)?(?:連絡|やり取り|やりとり|メッセージ|電話|メール)(?:を|して|させて|したい|します|しましょう|"
        r"ください|下さい|"
        r"お願い|頂け|いただけ)" + _JA_NOT,
        outside=r"(?:プラットフォーム|サイト|アプリ)(?:の)?(?:外|以外|外部)(?:で|に)(?:やり取り|やりとり|連絡|話|相談|"
        r"続け|取引)" + _JA_NOT,
        on_app=rf"{_JA_APPS}\s?(?:で|に|の)\s?(?:話|やり取り|やりとり|連絡|続き|続け|追加|友達|メッセージ|チャット|"
        rf"通話|"
        r"相談|しませんか|しましょう|お願い|id|ｉｄ)" + _JA_NOT
        + rf"|{_JA_APPS}\s?id\s?(?:は|:|を)"
        # the app as the quicker way: "LINEのほうが早いので", "LINEの方が便利です"
        + rf"|{_JA_APPS}\s?の?(?:ほう|方)が[^。！？\n]{{0,12}}?(?:早|速|楽|便利|いい|良い|確実)" + _JA_NOT,
    ),
    Lexicon(
        "zh",
        ask=_ZH_NOT + rf"(?:留下?|给|給|发|發|告诉|告訴|报|報)(?:个|個|一下|下)?我?(?:你的|您的|你|您|"
        rf"一下)?{_ZH_DETAIL}"
        r"(?!管理|字段|欄位|格式|验证|驗證|列)"
        + rf"|(?:你的|您的){_ZH_DETAIL}(?:给|給|发|發|留|告诉|告訴)(?:我|一下)",
        # "我的微信是…", and the id label alone before a Latin id: "微信号：lin_88", "vx: lin_88"
        mine=rf"我的{_ZH_DETAIL}\s?(?:是|:|为|為)|(?:微信号?|微信號|vx号?|wx号?|qq号?)\s?[:：]\s?(?=[a-z0-9_])",
        write=_ZH_NOT + r"(?:私下|私底下|直接)(?:联系|聯絡|聯繫|联络|沟通|溝通|聊|加我)",
        outside=_ZH_NOT + r"(?:在)?平台(?:外面?|之外|以外)(?:联系|聯絡|聯繫|沟通|溝通|聊|谈|談|交流)",
        on_app=_ZH_NOT + rf"加(?:我|个|個|一下|下)?(?:的)?\s?{_ZH_APPS}(?!支付|pay|小程序|公众号|公眾號|登录|登入|分享|"
        rf"接口|api)"
        + rf"|{_ZH_NOT}(?:用|在|到|去|上)\s?{_ZH_APPS}\s?(?:上)?(?:聊|联系|聯絡|聯繫|沟通|溝通|谈|談|说|說|传|傳|发|"
        rf"發)",
    ),
    Lexicon(
        "ko",
        ask=rf"(?<!주문\s)(?<!송장\s){_KO_DETAIL}\s?(?:좀\s|를\s|을\s|도\s)?(?:알려|남겨|보내|가르쳐|주실|주세요|"
        rf"주시겠|공유)" + _KO_NOT,
        mine=r"(?:제|내|저의|나의)\s(?:전화\s?번호|번호|연락처|이메일|메일|카톡(?:\s?아이디)?|아이디)(?:는|은|:|"
        r"\s?입니다|\s(?=\d))",
        write=r"직접\s?연락(?:하|주|드리|해|할|줘|부탁)" + _KO_NOT,
        outside=r"플랫폼\s?(?:밖|외부)(?:에서|으로|로)?(?![^.!?\n]{0,40}?(?:결제|송금|입금|이체|수수료))" + _KO_NOT,
        on_app=rf"{_KO_APPS}\s?(?:으로|로|에서|에)(?:는)?\s?(?:[^\s.!?]+\s){{0,2}}?(?:얘기|이야기|연락|대화|톡|메시지|"
        rf"문자|보내|추가|친추|"
        r"넘어|옮기|편할)" + _KO_NOT
        # "카톡 아이디 sora_art 입니다": the id word, then a Latin id that the sentence says is it
        + rf"|{_KO_APPS}\s?(?:아이디|id)\s?(?::|는|은|드릴|알려|보내|로\s추가|"
        r"\s(?=[a-z][a-z0-9_.]{2,30}\s?(?:입니다|이에요|예요|요)))"
        r"(?![^.!?\n]{0,12}?(?:로그인|연동|api))",
    ),
    Lexicon(
        "th",
        ask=bare(rf"{_TH_NOT}ขอ(?:{_TH_DETAIL})"),
        mine=bare(rf"(?:{_TH_DETAIL})(?:ผม|ฉัน|หนู|เรา|ดิฉัน|เค้า)(?:\s?คือ|\s?:)"),
        write=bare(r"(?:ทัก|โทร|ติดต่อ)(?:มา|หา)(?:ที่|ทาง)?(?:เบอร์|ไลน์|line|อีเมล)"),
        outside=bare(rf"{_TH_NOT}(?:คุย|ติดต่อ|คุยงาน)(?:กัน)?นอก(?:แพลตฟอร์ม|เว็บ|ระบบ|แอป)"),
        on_app=bare(rf"{_TH_NOT}แอด(?:{_TH_APPS}|มา(?:ที่|ทาง)?\s?(?:{_TH_APPS}))")
        + "|"
        + bare(rf"{_TH_NOT}(?:คุย|ทัก|ติดต่อ|แชท)(?:กัน)?(?:ทาง|ใน|ผ่าน)?\s?(?:{_TH_APPS})")
        + "|"
        + bare(r"(?:ไอดี|id)\s?(?:ไลน์|line)|(?:ไลน์|line)\s?(?:ไอดี|id)\s?(?:คือ|:)?\s?(?=[a-z0-9@_])"),
    ),
    Lexicon(
        "bn",
        ask=bare(rf"(?:আপনার|তোমার|তোর)\s{_BN_DETAIL}\S*\s(?:দিন|দাও|দেন|দিবেন|পাঠান|পাঠাও|বলুন|বলো|শেয়ার\sকরুন)"),
        mine=bare(rf"আমার\s{_BN_DETAIL}(?:\sহলো|\sহল|\s?[:=]|\s(?=[a-z0-9+]))"),
        write=bare(r"(?:আমাকে|আমায়)\s(?:সরাসরি\s)?(?:মেসেজ|কল|ফোন|ইমেইল|নক)\s(?:করুন|করো|করেন|দিন|দাও|দিয়েন|"
        r"দিবেন)") + _BN_NOT,
        outside=bare(r"(?:প্ল্যাটফর্ম|প্লাটফর্ম|সাইট)(?:ের|"
        r"এর)?\sবাইরে") + "(?![^.!?\\n।]{0,50}?" + bare(r"(?:টাকা|পেমেন্ট|কমিশন))"),
        on_app=bare(rf"{_BN_APPS}(?:ে|এ|-এ|তে|\sতে)\s(?:কথা|মেসেজ|যোগাযোগ|কল|নক|আসুন|চলুন|চলে)") + _BN_NOT,
    ),
    Lexicon(
        "ur",
        ask=bare(rf"(?:اپنا|اپنی|آپ\sکا|آپ\sکی)\s{_UR_DETAIL}\s(?:دیں|دیجیے|دیجئے|دو|دے\sدیں|بھیجیں|بھیج\sدیں|بتائیں|"
        rf"بتاؤ|شیئر)"),
        mine=bare(rf"(?:میرا|میری)\s{_UR_DETAIL}(?:\s?:|\s(?=[a-z0-9+]))"),
        write=bare(r"مجھے\s(?:براہ\sراست\s|ڈائریکٹ\s|سیدھا\s)?(?:میسج|کال|فون|ای\s?میل|واٹس\s?ایپ)\s(?:کریں|کرو|کیجیے|"
        r"کر\sدیں)")
        + _UR_NOT,
        outside=bare(r"(?:پلیٹ\s?فارم|سائٹ)\sسے\sباہر") + "(?![^.!?\\n]{0,50}?" + bare(r"(?:پیسے|ادائیگی|کمیشن|رقم))"),
        on_app=bare(rf"{_UR_APPS}\s(?:پر|پہ)\s(?:بات|میسج|رابطہ|کال|آ\sجائیں|آجائیں|ایڈ)") + _UR_NOT,
    ),
    Lexicon(
        "fa",
        ask=bare(rf"{_FA_DETAIL}(?:ت|تو|تان|تون|\sخودت|\sخودتو|\sخودتون)\s(?:رو\s|را\s)?(?:بده|بدید|بدین|بفرست|بفرستید|"
        rf"بگو|بگید)"),
        mine=bare(rf"{_FA_DETAIL}(?:م|ام|\sمن)\s(?:[a-z0-9@+]|(?:\S+\s)?(?:هست|است|:))(?!\S*\s(?:توی|در|"
        rf"تو)\s(?:پروفایل|بیو))"),
        write=bare(r"(?:بهم|به\sمن)\s(?:توی\s\S+\s)?(?:پیام|زنگ|ایمیل|پیامک)\s(?:بده|بدید|بدین|بزن|بزنید)") + _FA_NOT,
        outside=bare(r"(?:خارج\sاز|بیرون\sاز)\s(?:سایت|پلتفرم|"
        r"اینجا)") + "(?![^.!?\\n]{0,50}?" + bare(r"(?:پرداخت|واریز|کمیسیون|پول))"),
        on_app=bare(rf"(?:تو|توی|در|بیا)\s{_FA_APPS}\s(?:صحبت|پیام|حرف|چت|در\sارتباط|تماس|ادامه)") + _FA_NOT,
    ),
    Lexicon(
        "sw",
        ask=r"\b(?:nitumie|nipe|niachie|nipatie|tuma)\s(?:namba|nambari|barua\spepe|e-?mail|anwani)\s(?:yako|"
        r"ya\ssimu\syako)\b",
        mine=r"\b(?:namba|nambari|barua\spepe|e-?mail)\s(?:yangu|ya\ssimu\syangu|ya\swhats\s?app\syangu)\s(?:ni|:)",
        write=r"\b(?:nipigie|niandikie|nitumie\s(?:ujumbe|sms|meseji)|ni-?whats\s?app)\b(?!\s(?:hapa|kwenye\sjukwaa))",
        outside=r"\bnje\sya\s(?:jukwaa|tovuti|mfumo|programu|app)\b(?![^.!?\n]{0,50}?\b(?:lipa\w*|malipo|pesa|ada|"
        r"m-?pesa))",
        on_app=rf"\b(?:tuendelee|tuongee|tuzungumze|tuwasiliane|tuchat|tupige\sstori)\s(?:\w+\s){{0,2}}?(?:kwa\s|"
        rf"kwenye\s|kupitia\s)?{_APPS}",
    ),
    Lexicon(
        "ms",
        ask=r"\b(?:bagi|beri|hantar|kongsi|share)\s(?:saya\s)?(?:nombor|no\.?|emel|e-?mail)(?:\s(?:telefon|fon|hp|"
        r"whats\s?app|wasap))?"
        r"\s(?:awak|anda|kau|you|encik|cik|tuan|puan)\b",
        mine=r"\b(?:nombor|emel)\s(?:telefon\s|fon\s|whats\s?app\s|wasap\s)?saya\s(?:ialah|adalah|:)",
        write=rf"\b(?:mesej|whats\s?app|wasap|call|telefon|hubungi|pm)\s(?:saya|aku)\s(?:terus\s)?(?:kat|di|dekat|"
        rf"melalui|guna|dalam)\s{_APPS}",
        outside=r"\bluar\s(?:platform|aplikasi|laman\sweb)\b(?![^.!?\n]{0,50}?\b(?:bayar\w*|yuran|komisen|duit))",
        on_app=rf"\b(?:jom|mari)\s(?:\w+\s){{0,2}}?(?:kat|di|dekat|dalam|guna|melalui)\s{_APPS}",
    ),
)

POINTERS: dict[str, str] = {
    "ja": r"(?:連絡先|電話番号|メール(?:アドレス)?|line\s?id)は(?:私の)?(?:プロフィール|自己紹介)(?:欄)?に",
    "zh": r"(?:联系方式|聯絡方式|聯繫方式|电话|電話|微信号?|微信號|邮箱|信箱)(?:在|写在|寫在|放在)(?:我的)?(?:个人简介|"
    r"個人簡介|个人资料|個人資料|"
    r"个人档案|個人檔案|主页|主頁|简介|簡介|资料|資料)",
    "ko": r"(?:제\s)?프로필에\s?(?:연락처|번호|이메일|카톡|전화\s?번호)",
    "th": bare(r"(?:ช่องทางติดต่อ|เบอร์|ไลน์|อีเมล)\S{0,6}อยู่(?:ใน|ที่)(?:หน้า)?(?:โปรไฟล์|ไบโอ|bio)"),
    "bn": bare(r"(?:প্রোফাইলে|বায়োতে)\s(?:\S+\s)?(?:নম্বর|নাম্বার|ইমেইল)"),
    "ur": bare(r"(?:نمبر|ای\s?میل)\s(?:\S+\s)?(?:پروفائل|بائیو)\sمیں"),
    "fa": bare(r"(?:شماره|ایمیل|آیدی)\S*\s(?:توی|در|تو)\s(?:پروفایل|بیو)"),
    "sw": r"\b(?:namba|nambari|barua\spepe|e-?mail)\s(?:yangu\s)?(?:iko|ipo|ziko|zipo)\s(?:kwenye|katika)\s(?:wasifu|"
    r"profile|bio)",
    "ms": r"\b(?:nombor|emel)\s(?:saya\s)?ada\s(?:dalam|di|kat|dekat)\s(?:profil|bio)",
    "hi-dv": deva(r"(?:नंबर|नम्बर|ईमेल)\s(?:मेरी\s|मेरे\s)?(?:प्रोफ़ाइल|प्रोफाइल|बायो)\s(?:में|पर)"),
}
"""The sender's detail is on the profile or in the bio: a pointer off the message."""

MORE: dict[str, tuple[tuple[str, str, float], ...]] = {
    # (regex, what it does, score): Devanagari Hindi and romanised Urdu beyond `request_langs_more` and `request_langs`
    "hi-dv": (
        (deva(r"(?:अपना|अपनी|आपका|आपकी)\s(?:व्हाट्सएप\s|व्हाट्सऐप\s|फ़ोन\s|फोन\s|मोबाइल\s)?(?:नंबर|नम्बर|ईमेल)\s(?:भेज|"
        r"दे|बता|शेयर\sकर)\s"
              r"(?:दीजिए|दीजिये|दें|दो|देना)"), "asks for a contact detail", 0.85),
        (deva(r"(?:मुझे|मुझको)\s(?:सीधे|सीधा|डायरेक्ट)\s(?:कॉल|फ़ोन|फोन|मैसेज|मेसेज|व्हाट्सएप|ईमेल)\s(?:करो|करें|कीजिए|"
        r"कर\sदो|कर\sदीजिए)"),
         "asks to be contacted directly", 0.75),
        (deva(r"(?:टेलीग्राम|व्हाट्सएप|व्हाट्सऐप|telegram|whats\s?app)\s(?:पर|पे)\s(?:आ\sजाओ|आ\sजाइए|आइए|आओ)"),
         "proposes to continue on an outside app", 0.8),
    ),
    "ur-la": (
        (r"\b(?:apna|apni|aap\ska|aap\ski)\s(?:phone\s|mobile\s|whats\s?app\s)?(?:number|no|email|e-?mail|"
        r"contact)\s(?:dein|dijiye|dijie|den|"
         r"bhejein|bhejen|bhej\sdein|share\skarein|batayein|bataein|batain)\b", "asks for a contact detail", 0.85),
        (r"\bmujhe\s(?:direct|seedha|sidha|seedhe)\s(?:message|msg|call|email|whats\s?app)\s(?:karein|karen|kijiye|"
        r"kar\sdein|karo|kar\sdo)\b",
         "asks to be contacted directly", 0.75),
    ),
}


def phrases() -> tuple[Phrase, ...]:
    """The lexicon phrases (`ja-ask` …), the pointers (`ja-pointer` …), then the extra phrasings (`hi-dv-asia-1` …)."""
    out = lexicon_phrases(LEXICONS)
    for code, regex in POINTERS.items():
        what = f"points to the profile for a contact ({code})"
        out.append(Phrase(f"{code}-pointer", regex, "contact.pointer", 0.8, what))
    for code, extra in MORE.items():
        for i, (regex, what, score) in enumerate(extra, 1):
            out.append(Phrase(f"{code}-asia-{i}", regex, "contact.request", score, f"{what} ({code})"))
    return tuple(out)
