"""Numbers in the languages of `request_asia`: their digit words, digits written as CJK numerals or Sino-Korean
syllables, and the reference numbers and prices that only look like phone numbers.

Native digits (Bengali ০-৯, Arabic-Indic and Persian ٠-٩ ۰-۹, Thai ๐-๙, Devanagari, full-width) need nothing here:
the clean view makes every Unicode digit ASCII. What they bring is a new kind of false alarm, an order number or a
price in those languages ("주문번호 20261127-0042", "অর্ডার নম্বর ২০২৬১১২৭০৩৯", "قیمت ۳٬۵۰۰٬۰۰۰ تومان"), masked by
`NOT_PHONE_BRANCHES` (joined to `digits`' mask).

`DIGIT_WORDS` (Malay "kosong", "lapan", Swahili) are merged into `numbers.MORE_DIGIT_WORDS` (read word by word).
CJK numerals and Korean digit syllables are glued to each other and to the words around them, so they are read by
`cjk_digits()` instead, and only in runs: three or more numerals in a row ("一三八", "〇八〇"), or a Korean word made
only of digit syllables, three or more ("공일공"). Korean "일", "이", "사", "오" alone are words ("work", "this",
"company", "come"); a run of them is a number read aloud. Thai digit words are left out: the view drops their tone
marks, so "สี่" (4) is read as "ส", a letter of many words.
"""

from __future__ import annotations

import re

from marketguard.core.text.deva import deva
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.scripts import bare

DIGIT_WORDS: dict[str, str] = {
    # Malay (the rest are Indonesian's: satu, dua, tiga, empat, lima, enam, tujuh, sembilan)
    "kosong": "0",
    "lapan": "8",
    # Swahili
    "sifuri": "0",
    "moja": "1",
    "mbili": "2",
    "tatu": "3",
    "nne": "4",
    "tano": "5",
    "sita": "6",
    "saba": "7",
    "nane": "8",
    "tisa": "9",
}

_CJK_DIGIT = {
    "〇": "0", "零": "0", "洞": "0", "一": "1", "幺": "1", "壹": "1", "二": "2", "两": "2", "兩": "2",
    "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9",
}  # fmt: skip
_KO_DIGIT = {
    "공": "0", "영": "0", "일": "1", "이": "2", "삼": "3", "사": "4",
    "오": "5", "육": "6", "륙": "6", "칠": "7", "팔": "8", "구": "9",
}  # fmt: skip
CJK_DIGITS = lazy_compile(
    "[" + "".join(_CJK_DIGIT) + "]{3,}"
    + "|(?<![\uac00-\ud7af])[" + "".join(_KO_DIGIT) + "]{3,}(?![\uac00-\ud7af])"
)
"""A run of three or more CJK numerals, or a Korean word of three or more digit syllables."""
CJK_DIGIT_HINT = "".join({**_CJK_DIGIT, **_KO_DIGIT})
"""The characters a run can start with: a text without any of them is not searched."""


def cjk_digits(m: re.Match[str]) -> list[tuple[str, int]]:
    """A run of CJK numerals or Korean digit syllables as ASCII digits, one for one (offsets kept)."""
    table = _CJK_DIGIT if m.group()[0] in _CJK_DIGIT else _KO_DIGIT
    return [(table[c], i) for i, c in enumerate(m.group())]


_ORDER_WORDS = (
    r"주문\s?번호|송장\s?번호|운송장\s?번호|주문|注文番号|注文|伝票番号|追跡番号|請求書番号|お問い合わせ番号|订单编号|订单号|订单|"
    r"訂單編號|訂單號碼?|訂單|单号|單號|快递单号|發票號碼|发票号码?|หมายเลขคำสั่งซื้อ|เลขคำสั่งซื้อ|เลขพัสดุ|เลขที่ใบแจ้งหนี้|"
    r"namba\sya\s(?:oda|agizo|ankara|risiti|muamala)|oda\snamba|nombor\s(?:pesanan|invois|tempahan|resit|rujukan)|"
    + bare(
        r"অর্ডার\s(?:নম্বর|নাম্বার|নং|আইডি)|ইনভয়েস\s(?:নম্বর|নং)|آرڈر\s(?:نمبر|آئی\sڈی)|انوائس\sنمبر|"
        r"شماره\s(?:سفارش|فاکتور|پیگیری)|کد\s(?:سفارش|رهگیری|پیگیری)"
    )
    + "|"
    + deva(r"(?:ऑर्डर|आर्डर|ऑडर)\s(?:नंबर|नम्बर|आईडी)|इनवॉइस\sनंबर")
)
_CURRENCY_AFTER = (
    r"円|元|圓|块|塊|원|만원|บาท|rm|ksh|tsh|ugx|naira|ringgit|shilingi|"
    + bare(r"টাকা|রুপি|روپے|روپیہ|تومان|ریال|روپیه")
    + "|"
    + deva(r"रुपये|रुपए|रु")
)
NOT_PHONE_BRANCHES: tuple[str, ...] = (
    # an order, invoice or tracking number named in these languages, a few particles or a colon before it
    rf"(?:{_ORDER_WORDS})[^\d\n]{{0,6}}?\d[\d\-/ ]{{0,30}}\d",
    # a price: "35,000円", "3,500元", "350,000원", "১৫,০০০ টাকা", "۳٬۵۰۰٬۰۰۰ تومان" (the Arabic thousands sign)
    rf"(?<!\d)\d{{1,3}}(?:[,.\s٬]\d{{3}}){{1,4}}\s?(?:{_CURRENCY_AFTER})|(?<!\d)\d{{1,7}}\s?(?:{_CURRENCY_AFTER})(?![a-z])",
    r"(?:rm|ksh|tsh|rs\.?|tk|[฿₩৳₦])\s?\d{1,3}(?:[,.\s٬]\d{3}){1,4}(?![\d,.])",
)
"""Order numbers and prices in these languages: masked before phone numbers are looked for."""

PHONE_WORDS = (
    r"电话|電話|手机|手機|号码|號碼|番号|携帯|ケータイ|번호|전화|연락처|핸드폰|휴대폰|เบอร์|โทร|"
    r"namba\sya\ssimu|simu|nombor\s(?:telefon|fon|hp)|"
    + bare(r"নম্বর|নাম্বার|ফোন")
    # the Arabic script joins no particle to these: a boundary before, so "فون" is not read inside "فودافون"
    + r"|(?<![\u0600-\u06ff])(?:"
    + bare(r"نمبر|فون|موبائل|شماره|تلفن|موبایل|رقم|رقمي|رقمك|جوال|جوالي|موبايل|هاتف|هاتفي")
    + ")"
)
"""Phone words of these languages, written without the boundaries the phone detector's `_CONTEXT` asks of its own
(CJK, Korean and Thai glue them to the number: "我电话13912345678"); the Arabic-script ones, Arabic's own among them
("رقم فودافون كاش بتاعي 010…"), with a boundary before them only."""

REGION_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("[\u3040-\u30ff]", ("JP",)),  # kana
    ("[\u4e00-\u9fff]", ("CN", "TW", "HK")),  # Han (after kana: a Japanese text has more kana than kanji)
    ("[\uac00-\ud7af]", ("KR",)),
    ("[\u0e00-\u0e7f]", ("TH",)),
    ("[\u0980-\u09ff]", ("BD", "IN")),
    ("[ٹڈڑںےھ]", ("PK",)),  # letters of Urdu that Persian and Arabic do not write
    ("شماره|تلفن|موبایل|هست|است", ("IR",)),
    (r"\b(?:namba|yangu|simu|nipigie)\b", ("KE", "TZ")),
    (r"\b(?:nombor|telefon\sbimbit)\b", ("MY",)),
)
"""The script or words of a text, and the regions whose numbers it most likely holds (`phone.language_regions`)."""
