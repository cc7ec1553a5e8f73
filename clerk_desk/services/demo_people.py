"""Made-up applicants for demo cases and benchmarks: Chinese names, valid ID numbers, mobile
numbers, organisations with valid 统一社会信用代码, addresses in 合肥.

Everything comes from the ``random.Random`` the caller passes in, so a seed gives the same
people every time. Names follow the real shape of Chinese names: one of the common surnames
(a few two-character ones) and a given name of one or two characters, so about a third of
the names are two characters long, the case a search must not miss.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from stdnum.cn import uscc

from clerk_desk.domain.case import Agent, Applicant, ApplicantKind
from clerk_desk.domain.identity import make_id_number
from clerk_desk.domain.identity.credit_code import ALPHABET

# The most common surnames, roughly by frequency: the first ones are drawn far more often.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "慕容")
GIVEN_CHARACTERS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧巧美兰霞平刚桂珍玉萍红鹏辉建国文斌宇浩凯健俊"
    "帆帅旭宁欣婷雪琳晨阳博涵子轩梓睿思雨嘉怡佳琪瑞泽宏志新海波春燕"
)
# Region codes of 合肥 first (the demo centre), then some from elsewhere in China.
REGION_CODES = (
    "340102", "340103", "340104", "340111", "340121", "340122", "340123", "340124", "340181",
    "340202", "340302", "340403", "340503", "110102", "110105", "310104", "310115", "320102",
    "330106", "370102", "410102", "420102", "440106", "510104",
)  # fmt: skip
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
    "156", "157", "158", "159", "166", "173", "176", "177", "180", "181", "182", "183", "185",
    "186", "187", "188", "189", "191", "199",
)  # fmt: skip
DISTRICTS = ("瑶海区", "庐阳区", "蜀山区", "包河区", "长丰县", "肥东县", "肥西县")
ROADS = (
    "长江中路", "淮河路", "黄山路", "望江西路", "金寨路", "徽州大道", "繁华大道", "临泉路",
    "芜湖路", "宿州路", "潜山路", "习友路", "天鹅湖路", "翡翠路", "方兴大道", "合作化南路",
)  # fmt: skip
TRADE_NAMES = (
    "徽商", "皖江", "庐州", "包公", "天鹅湖", "巢湖", "大蜀山", "科大", "新站", "滨湖", "紫蓬",
    "瑶海", "锦绣", "恒信", "华源", "鼎盛", "聚福", "和顺", "万家", "鑫达", "同创", "益民",
)  # fmt: skip
INDUSTRIES = (
    "餐饮管理", "食品", "商贸", "建筑工程", "科技", "物流", "医药", "文化传媒", "房地产开发",
    "装饰工程", "农业发展", "信息技术", "酒店管理", "教育咨询", "汽车服务",
)  # fmt: skip
FORMS = ("有限公司", "有限责任公司", "股份有限公司")
# 9 (registered with market regulation) + 1 (enterprise) or 2 (individual business).
CREDIT_CODE_KINDS = ("91", "91", "91", "92")
OLDEST_AGE, YOUNGEST_AGE = 75, 18


def person_name(rng: random.Random) -> str:
    """A name of two, three or (with a compound surname) four characters."""
    if rng.random() < 0.02:
        surname = rng.choice(COMPOUND_SURNAMES)
    else:
        # Squaring the uniform draw favours the common surnames at the front.
        surname = SURNAMES[int(rng.random() ** 2 * len(SURNAMES))]
    length = 1 if rng.random() < 0.35 else 2
    return surname + "".join(rng.choice(GIVEN_CHARACTERS) for _ in range(length))


def birth_date(rng: random.Random, today: date) -> date:
    """An adult's birth date, no younger than 18 and no older than 75 on ``today``."""
    youngest = today.replace(year=today.year - YOUNGEST_AGE, day=1)
    span = (YOUNGEST_AGE - OLDEST_AGE) * 365
    return youngest + timedelta(days=rng.randint(span, 0))


def id_number(rng: random.Random, today: date) -> str:
    """A valid 18-digit 居民身份证 number of an adult."""
    born = birth_date(rng, today)
    return make_id_number(rng.choice(REGION_CODES), born, rng.randint(1, 999))


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def address(rng: random.Random) -> str:
    return f"安徽省合肥市{rng.choice(DISTRICTS)}{rng.choice(ROADS)}{rng.randint(1, 999)}号"


def organisation_name(rng: random.Random) -> str:
    return f"合肥{rng.choice(TRADE_NAMES)}{rng.choice(INDUSTRIES)}{rng.choice(FORMS)}"


def credit_code(rng: random.Random) -> str:
    """A 统一社会信用代码 of a 合肥 registrant, its check character computed by stdnum."""
    body = (
        rng.choice(CREDIT_CODE_KINDS)
        + rng.choice(REGION_CODES[:9])
        + "".join(rng.choice(ALPHABET) for _ in range(9))
    )
    return body + uscc.calc_check_digit(body)


def individual(rng: random.Random, today: date) -> Applicant:
    return Applicant(
        kind=ApplicantKind.INDIVIDUAL,
        name=person_name(rng),
        id_number=id_number(rng, today),
        phone=mobile(rng),
        address=address(rng),
    )


def organisation(rng: random.Random) -> Applicant:
    return Applicant(
        kind=ApplicantKind.ORGANISATION,
        name=organisation_name(rng),
        credit_code=credit_code(rng),
        legal_representative=person_name(rng),
        phone=mobile(rng),
        address=address(rng),
    )


def agent(rng: random.Random, today: date) -> Agent:
    return Agent(name=person_name(rng), id_number=id_number(rng, today), phone=mobile(rng))
