"""Context, family boundaries and phrasings of the holdout12 round, screened whole as the engine does.

Refusals ("no te paso mi número", "aku ga mau bayar di luar", "don't ask me to pay outside"), a payment app as a
feature of the work, "outside" said of paying; paying outside with the fee named in eleven languages; addresses and
sites on reserved test domains given as one's own, and spelled out in other languages; app cues and ids. Every
phrasing here is our own, written for the families the round's errors showed, not the evaluation set's lines.
"""

from __future__ import annotations

import pytest

from circ_rounds import families as _families


@pytest.mark.parametrize(
    "text",
    [
        # refusals: es/pt "no (te) paso", id "ga mau/bisa" before the verb, "don't ask me to", "I only pay through"
        "no, prefiero que sigamos por acá, no te paso mi número",
        "la verdad no comparto mi teléfono con clientes, sigamos por el chat",
        "maaf kak, aku ga bisa bayar di luar platform ya",
        "please don't ask me to pay off the platform, I only pay through the platform",
        "i only get paid through the platform, sorry",
        # a rail or the app as the subject of the work
        "tunataka tovuti ya duka yenye malipo ya M-Pesa na kadi",
        "integrate the Razorpay payment gateway in the checkout page",
        "mujhe apni app me Razorpay checkout lagwana hai",
        "hamari app me login screen add karna hai",
        # "point"/"period" before a long word is prose, not a spelled dot
        "there's no point giving them a refund, the order was delivered",
        "the grace period ends at midnight, at least that's the period design",
        # negated or harmless deals outside
        "kita ga mau transaksi di luar, bahaya",
        "hatufanyi malipo nje ya jukwaa, samahani",
        "não vamos fechar por fora, tudo pela plataforma",
        "我不会直接支付宝转给你，平台付款吧",
        "ทำงานนอกแพลตฟอร์มไม่ได้ครับ ขอจ่ายในระบบ",
        "we'll continue the work outside of business hours, after you close the contract",
        "off-site backups are configured, pay me on the platform as agreed",
        "the MB Way integration for the shop checkout is done",
        # test-domain addresses and hosts that are settings, samples or the other party's site
        "in config set SMTP_USER = 'alerts@mailer.acme.test' please",
        "your contact page now points to hi@yourshop.example as you asked",
        "our staging is at staging.acme.test, check the header",
        # app names as words, app ids in a feature request
        "my line is busy today, call later? no, let's keep it here",
        "微信号字段要加验证吗？",
        "카톡 아이디 로그인 기능 추가해주세요",
        "c'est plus simple si tu m'écris ici sur la plateforme",
    ],
)
def test_benign_in_context(text: str) -> None:
    assert _families(text) == set(), text


@pytest.mark.parametrize(
    ("text", "families"),
    [
        # "outside" said of paying is the payment's: it, id, bn, "deal privately"
        ("ti pago con bonifico fuori dalla piattaforma, risparmiamo", {"payment"}),
        ("let's deal privately and avoid the fees", {"payment"}),
        ("বিকাশে সরাসরি টাকা পাঠাবো, প্ল্যাটফর্মের বাইরে", {"payment"}),
        # files sent outside are no payment; "no point giving them N%" is no link
        ("podaj maila, wyślę ci pliki poza platformą", {"contact"}),
        ("honestly no point paying them 20% for nothing, let's do it outside", {"payment"}),
        # an address given for a payment app is still an address
        ("my paypal is the same as my mail, ana.k@mossbox.test, send it there", {"contact", "payment"}),
    ],
)
def test_family_boundaries(text: str, families: set[str]) -> None:
    assert _families(text) == families, text


@pytest.mark.parametrize(
    "text",
    [
        "keep one tiny milestone here so it seems legit, the rest we handle direct",
        "pay me off-site and I'll knock 15% off",
        "the next projects dont need to go through the platform, they take too much",
        "can you end this contract? we'll keep the weekly billing outside",
        "kita deal di luar platform aja biar ga kena potongan",
        "bhai platform ki commission kyon dein, bahar deal karte hain",
        "mình giao dịch ngoài sàn nhé, đỡ phí",
        "サービス料が高いので直接取引にしませんか",
        "我直接微信转给你，别走平台了",
        "ดีลนอกแพลตฟอร์มดีกว่า ประหยัดค่าธรรมเนียม",
        "tulipane nje ya mfumo ili tuokoe kamisheni",
        "bora a gente acertar por fora, a taxa é salgada",
        "pode mandar por MB Way se preferir",
    ],
)
def test_paying_outside_found(text: str) -> None:
    assert "payment" in _families(text), text


@pytest.mark.parametrize(
    "text",
    [
        # addresses on reserved test domains, bare or spelled in other languages
        "sure, kim.ode@lanternpost.example",
        "send the signed brief to rosa.m@quillhut.test tonight",
        "schreib mir an lena punkt vogt ät maildose punkt test",
        "почта: ivan.petrov собака yashik точка test",
        "mail: marco.bianchi chiocciola postino punto test",
        "escríbeme a pablo.ruiz arroba buzon punto test",
        "drop it to aya-art at-sign inkbox period test",
        "my site fernhollow-prints.example has a booking form",
        "hxxps://reedloom[.]test/contact",
        # app cues and ids
        "amake imo te call korun, ekhane reply dite deri hoy",
        "mujhe whatsapp kar dein jaldi",
        "le mieux c'est que vous m'appelez sur whatsapp",
        "it's easier over telegram honestly",
        "my kakao is peach_2024",
        "微信号：chen_design01",
        "카톡 아이디 sora_art 입니다",
        # asks
        "tomar mobile number ta dao, call korbo",
        "ممكن رقم موبايلك؟ هكلمك بكرة",
        "imi dai emailul tau te rog",
        "I need your work email to grant you access to the Notion board",
    ],
)
def test_contact_found(text: str) -> None:
    assert "contact" in _families(text), text
