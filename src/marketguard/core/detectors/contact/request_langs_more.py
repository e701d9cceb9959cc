"""Contact requests in the long tail: Dutch, Vietnamese, Ukrainian, Romanian, Hindi in Devanagari and Arabizi (Arabic
in Latin letters and digits), plus the phrasings of it, pl, tr, id and tl that `request_langs` does not read.

Data, not logic, the same shape as `request_langs`: each new language is a `Lexicon` whose fields become named
phrases (`nl-ask`, `vi-write` …) of `request.py`'s table, behind the shared RE2 prefilter, so a message without their
words pays nothing. The extra phrasings of the languages already read are named `<code>-more-<n>`. The plain view is
lower-case and keeps Latin accents ("numărul", "số điện thoại"); Romanian is written with the comma and the cedilla
forms and without either ("ș", "ş", "s"); Devanagari goes through `deva()` (the view drops its combining marks).
"""

from __future__ import annotations

from marketguard.core.detectors.contact.request_langs import Lexicon, lexicon_phrases
from marketguard.core.detectors.pattern import Phrase
from marketguard.core.text.deva import deva

_APPS = (
    r"(?:whats\s?app|telegram|viber|signal|instagram|insta|messenger|facebook|skype|discord|zalo|linkedin|line|wechat)"
)

_NL_DETAIL = (
    r"(?:(?:telefoon|gsm|06)?-?nummer|(?:mobiele?|whats\s?app)[\s-]?nummer|mobieltje|e-?mail(?:adres)?|mailadres|whats\s?app|telegram|"
    r"contactgegevens)"
)
_VI_DETAIL = (
    r"(?:s[oố]\s(?:[dđ]i[eệ]n\stho[aạ]i|[dđ]t|zalo|phone|whats\s?app)|s[dđ]t|email|mail|zalo|facebook|fb)"
)
"""With or without the accents: chat often drops them ("cho em xin so dien thoai")."""
_UK_DETAIL = r"(?:номер(?:\sтелефону)?|телефон|пошт[ауи]|e-?mail|імейл|мейл|контакти?|вайбер|телеграм|тг|ватсап|вотсап)"
_RO_DETAIL = (
    r"(?:num[ăa]r(?:ul)?|telefon(?:ul)?|e-?mail(?:ul)?|mail(?:ul)?|adresa\sde\s(?:e-?)?mail|whats\s?app(?:-?ul)?|"
    r"contact(?:ul)?)"
)
_DV_DETAIL = (
    r"(?:नंबर|नम्बर|मोबाइल(?:\sनंबर)?|फ़ोन(?:\sनंबर)?|फोन(?:\sनंबर)?|ईमेल(?:\sआईडी)?|व्हाट्सएप(?:\sनंबर)?|"
    r"व्हाट्सऐप(?:\sनंबर)?|संपर्क(?:\sनंबर)?)"
)
_DV_APPS = r"(?:व्हाट्सएप|व्हाट्सऐप|वॉट्सऐप|टेलीग्राम|whats\s?app|telegram|insta(?:gram)?)"
_AR_LA_DETAIL = r"(?:ra2m|raqm|rakam|r2m|nimra|nmra|email|emeil|imail|mail|whats(?:app)?|wats|wts)"

LEXICONS: tuple[Lexicon, ...] = (
    Lexicon(
        "nl",
        ask=rf"\b(?:wat\sis|wat's|geef|stuur|mag\sik|kan\sik|kun\sje|kunt\su|wil\sje)\s(?:me\s|mij\s)?(?:even\s)?(?:je|jouw|uw)\s"
        rf"{_NL_DETAIL}\b"
        # "welk mailadres moet ik in Asana zetten?": which of the other party's details to use
        rf"|\bwelke?\s{_NL_DETAIL}\s(?:moet|kan|mag|zal|gebruik)\w*\s(?:ik|we|wij)\b",
        mine=rf"\b(?:mijn|m'n)\s{_NL_DETAIL}\s?(?:is\b|[:=])",
        # "app" a noun before Hindi "me" (in): "apni app me UPI integrate karna hai" asks no one to text
        write=r"\b(?:bel|(?<!\bapni\s)(?<!\bapne\s)(?<!\bmeri\s)(?<!\bmere\s)(?<!\bhamari\s)(?<!\bhumari\s)"
        r"(?<!\baapki\s)(?<!\bteri\s)(?<!\buski\s)(?<!\bis\s)(?<!\bus\s)(?<!\bek\s)(?<!\bthe\s)(?<!\bmy\s)(?<!\byour\s)"
        r"app|sms|contacteer)\s(?:me|mij)\b(?!\s(?:hier|via\shet\splatform|op\shet\splatform|integrat\w*|add\s(?:karna|karwana|karo)|"
        r"chahiye|hai|ho|mein|bana\w*|dal\w*|daal\w*|lagana|lagwana))"
        r"|\bstuur\s(?:me|mij)\s(?:een\s)?(?:appje|sms'?je|mailtje|whats\s?app(?:je)?|berichtje\sop\s\w+)\b"
        # "ik app je de gegevens": the sender will message on an outside channel
        r"|\bik\s(?:app|whatsapp|sms|mail)\s(?:je|jou|u)\b(?!\s(?:hier|via\shet\splatform|op\shet\splatform))"
        rf"|\b(?:voeg|zoek)\s(?:me|mij)\s(?:even\s)?(?:toe\s)?(?:op|via|aan|in)\s{_APPS}",
        outside=r"\bbuiten\s(?:het\splatform|de\ssite|de\sapp)\b"
        r"(?![^.!?\n]{0,50}?\b(?:betal\w*|commissie|kosten|overmak\w*|regelen|afreken\w*))",
        on_app=rf"\b(?:verder|praten|chatten|bellen|contact|overstappen|bespreken)\s(?:\w+\s){{0,2}}?(?:via|op|over|naar)\s{_APPS}\b",
    ),
    Lexicon(
        "vi",
        ask=rf"(?:cho\s(?:m[iì]nh|em|anh|t[oô]i|t[oớ]|ch[iị])\sxin|xin|g[uử]i|[dđ][eể]\sl[aạ]i|cho\sxin)\s(?:l[aạ]i\s)?{_VI_DETAIL}"
        r"(?:\s(?:c[uủ]a\s)?(?:b[aạ]n|anh|ch[iị]|em))?(?!\s(?:[dđ][oơ]n\sh[aà]ng|h[oó]a\s[dđ][oơ]n))",
        mine=rf"{_VI_DETAIL}\s(?:c[uủ]a\s)?(?:m[iì]nh|t[oô]i|em|anh|t[oớ])\s(?:l[aà]\b|:)",
        write=rf"(?:nhắn(?:\stin)?|gọi(?:\sđiện)?|liên\shệ|kết\sbạn|add|ib|inbox)\s(?:[^\s.!?]+\s){{0,3}}?{_APPS}\b"
        r"(?![^.!?\n]{0,30}?(?:ở\sđây|trên\snền\stảng))",
        outside=r"(?<!thanh\stoán\s)(?<!trả\stiền\s)ngoài\s(?:nền\stảng|sàn|ứng\sdụng|trang\sweb)"
        r"(?![^.!?\n]{0,50}?(?:thanh\stoán|chuyển\skhoản|phí|hoa\shồng))",
    ),
    Lexicon(
        "uk",
        ask=rf"(?:дай(?:те)?|скинь(?:те)?|надішли(?:ть)?|залиш(?:те)?|який\sу\s(?:тебе|вас)|(?:можеш|можете)\s(?:мені\s)?"
        rf"(?:дати|скинути|надіслати|залишити))\s(?:мені\s)?(?:свій\s|ваш\s|твій\s|свою\s|вашу\s|твою\s)?{_UK_DETAIL}",
        mine=rf"(?<!\w)(?:мій|моя|мою|ось\sмій|ось\sмоя)\s{_UK_DETAIL}"
        r"(?!\s(?:замовлення|рахунку|договору|картки|накладної|посилки|версії|квитанції))",  # not "my order number"
        write=r"(?:напиш(?:и|іть)\sмені|зателефонуй(?:те)?\sмені|подзвон(?:и|іть)\sмені|зв['ʼ’]яж(?:іться|ись)\sзі\sмною|"
        r"пиш(?:и|іть)\sмені\s(?:у|y|в|на)\s|додай(?:те)?\sмене\s(?:у|y|в|на)\s)",  # a lone "у" is read as Latin "y"
        outside=r"(?:поза|за\sмежами)\s(?:платформою|платформи|біржею|біржі|сайтом|сайту)"
        r"(?![^.!?\n]{0,50}?(?:комісі|оплат|плат|гроші))",
    ),
    Lexicon(
        "ro",
        ask=rf"\b(?:d[ăa]-?mi|trimite-?mi|spune-?mi|las[ăa]-?mi|care\s(?:e|este)|[îi]mi\s(?:dai|trimi[țţt]i|spui|la[sş]i)|po[țţt]i\s(?:s[ăa]-?mi\s)?(?:da[iî]|trimi[țţt]i))\s"
        rf"{_RO_DETAIL}\s(?:t[ăa]u|dumneavoastr[ăa]|dvs)\b",
        mine=r"\b(?:num[ăa]rul|telefonul|e-?mailul|mailul|adresa)\s(?:meu|mea)(?:\sde\s(?:telefon|e-?mail|mail))?(?:\s(?:e|este)\b|\s?[:=])",
        write=r"\b(?:scrie-?mi|sun[ăa]-?m[ăa]|contacteaz[ăa]-?m[ăa]|adaug[ăa]-?m[ăa]|d[ăa]-?mi\s(?:un\s)?(?:mesaj|telefon|sms|mail))"
        r"(?!\s(?:aici|pe\splatform[ăa]|prin\splatform[ăa]))\b",
        outside=r"\b[îi]n\safara\s(?:platformei|site-?ului|aplica[țţt]iei)"
        r"(?![^.!?\n]{0,50}?\b(?:pl[ăa]t\w*|comision\w*|transfer))",
    ),
    Lexicon(
        # Hindi in Devanagari ("hi" is the romanised lexicon of `request_langs`)
        "hi-dv",
        ask=deva(
            rf"(?:अपना|अपनी|आपका|आपकी|तुम्हारा|तुम्हारी|तेरा)\s{_DV_DETAIL}\s(?:दो|दीजिए|दीजिये|दे\sदो|भेजो|भेज\sदो|भेजिए|"
            r"भेजिये|बताओ|बताइए|बताइये|शेयर\sकरो|शेयर\sकीजिए|क्या\sहै)"
        ),
        mine=deva(rf"(?:मेरा|मेरी)\s{_DV_DETAIL}(?:\sहै|\s?[:=]|\s(?=[a-z0-9+]))"),
        write=deva(
            r"(?:मुझे|मुझको|हमें)\s(?:कॉल|काल|फ़ोन|फोन|मैसेज|मेसेज|व्हाट्सएप|व्हाट्सऐप|ईमेल|मेल)\s(?:करो|करें|कीजिए|कीजिये|कर\sदो|करना)"
        ),
        outside=deva(r"(?:प्लेटफॉर्म|प्लेटफ़ॉर्म|प्लैटफ़ॉर्म|साइट)\s(?:के\s|से\s)?बाहर")
        + deva(r"(?![^.!?\n]{0,50}?(?:पेमेंट|पैसे|भुगतान|फीस|कमीशन))"),
        # not "व्हाट्सएप पर बात नहीं करूँगा": Hindi says "not" after the verb (langcirc2)
        on_app=deva(rf"{_DV_APPS}\s(?:पर|पे)\s(?:बात|मैसेज|कॉल|मिलते|आ\sजाओ|जुड़|ऐड)(?![^.!?,\n]{{0,20}}?(?:नहीं|नही|मत\s))"),
    ),
    Lexicon(
        # Arabizi: Arabic typed in Latin letters, digits for the letters Latin lacks (3 ain, 7 haa, 2 hamza)
        "ar-la",
        ask=rf"\b(?:ab3at|eb3at|ib3at|ab3ath|eb3ath|ersel|arsel|aatini|a3tini|3tini|e3tini)(?:li|ly|lna)\s(?:el\s)?{_AR_LA_DETAIL}\w*"
        r"|\b(?:ra2mak|raqmak|rakamak|nimritak|nmrtak|emailak|email\sbeta3ak|ra2m\sel\s?whats(?:app)?)\s(?:eh|eih|kam|shu|sho|esh|eish)\b",
        mine=r"\b(?:ra2mi|raqmi|rakami|nimriti|emaili|email\sbeta3i)\s(?:howa|huwa|hwa|hayda|da)\b",
        write=r"\b(?:kallemni|kalmni|klmni|rasselni|rasilni|whatsappni|wtsapni|ettasel\sbia|etasel\sbia|tawasal\sma3aya)\b",
        outside=r"\b(?:bara|barra|5arej|kharej)\s(?:el\s?)?(?:platform|mawke3|site)\b(?![^.!?\n]{0,50}?\b(?:edfa3|3omola|floos|flous))",
        on_app=rf"\b(?:nkamel|nkammel|nkml|nt2abel|netkalem|nehki|n7ki)\s(?:3ala|3al|ala|fi|fe)\s{_APPS}",
    ),
)

MORE: dict[str, tuple[tuple[str, str, float], ...]] = {
    # (regex, what it does, score) per language already read by `request_langs`
    "it": (
        # "dammi un numero dove chiamarti", "lasciami un recapito"
        # (what follows says it is a contact: not "dammi un numero di pagine", "un contatto del tuo team")
        (r"\b(?:dammi|lasciami|mandami|passami)\sun\s(?:numero|recapito|contatto|cellulare|indirizzo\s(?:e-?)?mail)"
         r"(?=\s?(?:$|[,.!?]|\s(?:dove|per\s(?:chiamarti|sentirci|scriverti|contattarti)|di\s(?:telefono|cellulare|whats\s?app)|"
         r"così|cosi|che\sti|e\sti)\b))", "asks for a contact detail", 0.8),
    ),
    "pl": (),
    "tr": (
        # "e-posta adresini paylaşır mısın", "telefon numaranızı yazar mısınız"
        (r"\b(?:e-?posta|mail|telefon|iletişim|iletisim)\s(?:adres|numara|bilgi)(?:ini|inizi|n[iı]|n[iı]z[iı])\s(?:ver|paylaş|paylas|"
         r"gönder|gonder|yaz|at|iletir)\w*", "asks for a contact detail", 0.85),
        # "numaramı vereyim", "mailimi atıyorum": the sender's own detail, offered (not "vermem", I won't)
        (r"\b(?:numaram|telefonum|mailim|e-?postam)[iı]\s(?:ver(?:eyim|irim|iyorum|ece[gğ]im)|yaz(?:ay[iı]m|[iı]yorum|ar[iı]m)|"
         r"at(?:ay[iı]m|[iı]yorum|ar[iı]m)|g[öo]nder(?:eyim|irim|iyorum)|payla[şs](?:ay[iı]m|[iı]yorum|[iı]r[iı]m))\b",
         "offers a contact detail", 0.75),
    ),
    "id": (
        # "nomornya saya WA ke kamu": the sender will message on WhatsApp (not "saya telepon kamu di sini")
        (r"\b(?:saya|aku|gue|gw)\s(?:wa|whatsapp|japri|dm|sms|email|e-?mail)(?:in|kan)?\s(?:ke\s)?(?:kamu|anda|kakak|kak|lu|lo)\b"
         r"(?!\s(?:di\ssini|lewat\splatform|di\splatform))", "offers to message on an outside channel", 0.75),
    ),
    "tl": (
        # "usap na lang tayo sa Viber", "call na lang tayo via Telegram"
        (rf"\b(?:mag-?usap|usap|lipat|mag-?chat|chat|tuloy|call|text)\s(?:na\s)?lang\s(?:po\s)?tayo\s(?:sa|through|via)\s{_APPS}\b",
         "proposes to continue on an outside app", 0.8),
    ),
}
"""Phrasings of the languages `request_langs` reads that its tables miss."""


def phrases() -> tuple[Phrase, ...]:
    """The new languages' lexicon phrases (`nl-ask` …), then the extra phrasings (`it-more-1` …)."""
    out = lexicon_phrases(LEXICONS)
    for code, extra in MORE.items():
        for i, (regex, what, score) in enumerate(extra, 1):
            out.append(Phrase(f"{code}-more-{i}", regex, "contact.request", score, f"{what} ({code})"))
    return tuple(out)
