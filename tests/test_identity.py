"""Applicant identity data: what the clerk is told to fix, what is stored, what is masked.

Problems are compared as (English template, params) pairs: the template is the key the
translation uses, the params are what the clerk reads in it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from clerk_desk.domain.identity import (
    DEFAULT_DOCUMENT_KIND,
    DocumentKind,
    IdFacts,
    IdNumberCheck,
    Sex,
    Validation,
    id_number_partial_ok,
    make_id_number,
    mask_address,
    mask_id_number,
    mask_name,
    mask_phone,
    validate_credit_code,
    validate_document,
    validate_id_number,
    validate_phone,
)
from clerk_desk.i18n import Message

TODAY = date(2026, 3, 2)
HEFEI_SHUSHAN = "340104"
VALID_ID = make_id_number(HEFEI_SHUSHAN, date(1990, 1, 1), 123)

ENTER: tuple[str, dict[str, Any]] = ("Enter the number", {})
BAD_CHARACTER = "Character {position} “{char}” is not allowed; use {allowed}"
WRONG_LENGTH = "{count} characters typed; {expected} are needed"
ID_LENGTH = "{count} characters typed; an ID number has 18 (or 15 if it is old)"
ID_CHECK = "The 18th character (check digit) should be {expected}"
BAD_BIRTH_DATE = "Characters {start}–{end} ({digits}) are not a valid date of birth"


def problems(result: Validation) -> list[tuple[str, dict[str, Any]]]:
    """Nested fragments (what is allowed, a length range) rendered in English."""
    return [
        (
            problem.template,
            {
                key: value.render("en") if isinstance(value, Message) else value
                for key, value in problem.params.items()
            },
        )
        for problem in result.problems
    ]


def english(result: Validation) -> list[str]:
    return [problem.render("en") for problem in result.problems]


class TestIdNumber:
    def test_generated_number_is_valid_and_gives_the_facts_for_auto_fill(self) -> None:
        assert VALID_ID == "340104199001011239"
        result = validate_id_number(VALID_ID, TODAY)
        assert result.ok
        assert result.value == VALID_ID
        assert result.facts == IdFacts(date(1990, 1, 1), Sex.MALE, 36, HEFEI_SHUSHAN)
        assert not result.facts.residence_permit

    def test_even_17th_digit_is_a_woman_and_age_counts_the_birthday(self) -> None:
        number = make_id_number(HEFEI_SHUSHAN, date(2008, 3, 3), 42)
        facts = validate_id_number(number, TODAY).facts
        assert facts is not None
        assert (facts.sex, facts.age) == (Sex.FEMALE, 17)
        assert validate_id_number(number, date(2026, 3, 3)).facts == IdFacts(
            date(2008, 3, 3), Sex.FEMALE, 18, HEFEI_SHUSHAN
        )

    def test_lower_case_x_spaces_and_full_width_digits_are_normalised(self) -> None:
        number = "11010519491231002X"
        for typed in (
            "11010519491231002x",
            " 110105 19491231 002x ",
            "１１０１０５１９４９１２３１００２ｘ",
        ):
            result = validate_id_number(typed, TODAY)
            assert result.ok, typed
            assert result.value == number

    def test_wrong_check_digit_says_which_one_was_expected(self) -> None:
        result = validate_id_number(VALID_ID[:17] + "0", TODAY)
        assert problems(result) == [(ID_CHECK, {"expected": "9"})]
        assert english(result) == ["The 18th character (check digit) should be 9"]
        assert result.facts is None

    def test_expected_check_digit_can_be_x(self) -> None:
        result = validate_id_number("110105194912310021", TODAY)
        assert english(result) == ["The 18th character (check digit) should be X"]

    @pytest.mark.parametrize("typed", ["3401041990010112", "3401041990010112391", "1"])
    def test_wrong_length_says_how_many_were_typed(self, typed: str) -> None:
        result = validate_id_number(typed, TODAY)
        assert problems(result) == [(ID_LENGTH, {"count": len(typed)})]

    def test_letter_says_where_and_what_is_allowed(self) -> None:
        result = validate_id_number("3401041990O101123X", TODAY)
        assert problems(result) == [
            (BAD_CHARACTER, {"position": 11, "char": "O", "allowed": "digits, and X as the 18th"})
        ]
        assert english(result) == ["Character 11 “O” is not allowed; use digits, and X as the 18th"]

    def test_x_before_the_18th_place_is_refused_with_the_length(self) -> None:
        result = validate_id_number("3401041990010112X39", TODAY)
        assert english(result) == [
            "Character 17 “X” is not allowed; use digits, and X as the 18th",
            "19 characters typed; an ID number has 18 (or 15 if it is old)",
        ]

    def test_empty(self) -> None:
        assert problems(validate_id_number("  ", TODAY)) == [ENTER]

    def test_impossible_birth_date(self) -> None:
        body = HEFEI_SHUSHAN + "19900230" + "123"
        result = validate_id_number(body + "0", TODAY)
        assert (BAD_BIRTH_DATE, {"start": 7, "end": 14, "digits": "19900230"}) in problems(result)
        assert "Characters 7–14 (19900230) are not a valid date of birth" in english(result)

    def test_birth_date_in_the_future(self) -> None:
        number = make_id_number(HEFEI_SHUSHAN, date(2026, 3, 3), 1)
        result = validate_id_number(number, TODAY)
        assert problems(result) == [
            (
                "The date of birth {date} is in the future; check characters 7–14",
                {"date": "2026-03-03"},
            )
        ]
        assert validate_id_number(number, date(2026, 3, 3)).ok

    def test_unknown_region_is_a_note_not_a_refusal(self) -> None:
        result = validate_id_number(make_id_number("999999", date(1990, 1, 1), 1), TODAY)
        assert result.ok
        assert [note.render("en") for note in result.notes] == [
            "The first 6 digits (999999) are not in the region code table; compare them with "
            "the card"
        ]

    @pytest.mark.parametrize(
        ("area", "born"),
        [
            ("310115", date(1955, 3, 1)),  # 浦东新区, a code from 1992
            ("310115", date(1931, 12, 31)),
            (HEFEI_SHUSHAN, date(1980, 5, 6)),  # 蜀山区 (earlier 西市区), from 1983
            ("110105", date(1949, 12, 31)),
        ],
    )
    def test_older_people_are_never_refused_for_the_region_codes_history(
        self, area: str, born: date
    ) -> None:
        """The code is where the number was issued, not where the holder was born."""
        number = make_id_number(area, born, 123)
        result = validate_id_number(number, TODAY)
        assert result.ok, english(result)
        assert result.notes == ()
        assert result.facts is not None and result.facts.birth_date == born
        assert validate_document(DocumentKind.RESIDENT_ID, number, TODAY).ok
        assert id_number_partial_ok(number, TODAY)
        assert id_number_partial_ok(number[:10], TODAY)

    def test_old_15_digit_number_is_converted_to_18(self) -> None:
        """The example of GB 11643's usual illustration: 110105491231002 → 11010519491231002X."""
        result = validate_id_number("110105491231002", TODAY)
        assert result.ok
        assert result.value == "11010519491231002X"
        assert [note.render("en") for note in result.notes] == [
            "The old 15-digit number was converted to 11010519491231002X"
        ]
        assert result.facts == IdFacts(date(1949, 12, 31), Sex.FEMALE, 76, "110105")

    def test_old_number_with_impossible_date_points_at_its_own_digits(self) -> None:
        result = validate_id_number("110105491331002", TODAY)
        assert problems(result) == [(BAD_BIRTH_DATE, {"start": 7, "end": 12, "digits": "491331"})]
        assert result.value == "110105491331002"

    @pytest.mark.parametrize("area", ["810000", "820000", "830000"])
    def test_residence_permit_numbers_are_accepted(self, area: str) -> None:
        """stdnum refuses these, and 810000 for anyone born before 1997."""
        number = make_id_number(area, date(1980, 5, 6), 17)
        result = validate_id_number(number, TODAY)
        assert result.ok
        assert result.facts is not None
        assert result.facts.residence_permit
        assert result.facts.region_code == area

    def test_residence_permit_region_is_fixed(self) -> None:
        result = validate_id_number(make_id_number("810100", date(1980, 5, 6), 17), TODAY)
        assert english(result) == ["The first 6 digits (810100) are not a known region"]

    def test_residence_permit_check_digit_and_birth_date_are_checked(self) -> None:
        number = make_id_number("820000", date(2027, 1, 1), 3)
        result = validate_id_number(number[:17] + "X", TODAY)
        assert [template for template, _ in problems(result)] == [
            "The date of birth {date} is in the future; check characters 7–14",
            ID_CHECK,
        ]

    def test_make_id_number_refuses_what_cannot_be_a_number(self) -> None:
        with pytest.raises(ValueError, match="6 digits"):
            make_id_number("3401", date(1990, 1, 1), 1)
        with pytest.raises(ValueError, match=r"0\.\.999"):
            make_id_number(HEFEI_SHUSHAN, date(1990, 1, 1), 1000)


class TestIdNumberWhileTyping:
    @pytest.mark.parametrize(
        "typed",
        [
            "",
            "3",
            "34010",
            HEFEI_SHUSHAN,
            "3401041990",
            "34010419900101",
            "34010488",
            "340104880101",
            "34010488010112",
            "110105491231002",
            "81000019800506",
            "999999",
            "31011519550301",
            VALID_ID[:17],
            VALID_ID,
            VALID_ID.lower(),
        ],
    )
    def test_could_still_become_valid(self, typed: str) -> None:
        assert id_number_partial_ok(typed, TODAY)

    @pytest.mark.parametrize(
        "typed",
        [
            "34a",
            "810100",
            "340104199013",
            "34010419900230",
            "34010420260303",
            "3401048801011234",
            VALID_ID[:17] + "0",
            VALID_ID + "1",
        ],
    )
    def test_can_no_longer_become_valid(self, typed: str) -> None:
        assert not id_number_partial_ok(typed, TODAY)


class TestCreditCode:
    def test_valid_codes_including_check_character_zero(self) -> None:
        for code in ("91340100BAA397UYK0", "91110000600037341L"):
            result = validate_credit_code(code)
            assert result.ok, code
            assert result.value == code

    def test_lower_case_spaces_and_hyphens_are_normalised(self) -> None:
        result = validate_credit_code(" 9134-0100 baa397uyk0 ")
        assert result.ok
        assert result.value == "91340100BAA397UYK0"

    def test_wrong_check_character_says_which_was_expected(self) -> None:
        result = validate_credit_code("91340100BAA397UYK1")
        assert problems(result) == [
            ("The 18th character (check character) should be {expected}", {"expected": "0"})
        ]
        assert english(result) == ["The 18th character (check character) should be 0"]

    def test_letter_looking_like_a_digit(self) -> None:
        result = validate_credit_code("91340100BAA397UYKO")
        assert problems(result) == [
            (
                "Character {position} cannot be the letter “{char}”; perhaps the digit “{digit}”",
                {"position": 18, "char": "O", "digit": "0"},
            )
        ]
        assert english(validate_credit_code("91340100BAA397UYKS")) == [
            "Character 18 cannot be the letter “S”; perhaps the digit “5”"
        ]

    def test_character_outside_the_alphabet(self) -> None:
        result = validate_credit_code("91340100BAV397UYK0")
        allowed = "digits and capital letters except I, O, Z, S, V"
        assert problems(result) == [
            (BAD_CHARACTER, {"position": 11, "char": "V", "allowed": allowed})
        ]

    def test_region_code_must_be_digits(self) -> None:
        result = validate_credit_code("913A0100BAA397UYK0")
        assert english(result) == [
            "Characters 3–8 (region code) must be digits; character 4 is “A”"
        ]

    def test_letter_registration_authority_is_allowed(self) -> None:
        body = "N2340100MA2T1234Y"
        result = validate_credit_code(body + "0")
        assert [template for template, _ in problems(result)] == [
            "The 18th character (check character) should be {expected}"
        ]
        expected = result.problems[0].params["expected"]
        assert validate_credit_code(body + expected).ok

    def test_wrong_length_and_empty(self) -> None:
        assert problems(validate_credit_code("91340100BAA397UYK")) == [
            (WRONG_LENGTH, {"count": 17, "expected": 18})
        ]
        assert english(validate_credit_code("91340100BAA397UYK00")) == [
            "19 characters typed; 18 are needed"
        ]
        assert problems(validate_credit_code("")) == [ENTER]


class TestPhone:
    @pytest.mark.parametrize(
        ("typed", "e164", "display"),
        [
            ("13812345678", "+8613812345678", "138 1234 5678"),
            ("138 1234 5678", "+8613812345678", "138 1234 5678"),
            ("+86 138-1234-5678", "+8613812345678", "138 1234 5678"),
            ("0551-65123456", "+8655165123456", "0551 6512 3456"),
            ("(0551) 6512 3456", "+8655165123456", "0551 6512 3456"),
            ("010-12345678", "+861012345678", "010 1234 5678"),
            ("+1 415 555 0123", "+14155550123", "+1 415-555-0123"),
        ],
    )
    def test_valid_numbers_are_stored_as_e164_and_shown_nationally(
        self, typed: str, e164: str, display: str
    ) -> None:
        result = validate_phone(typed)
        assert result.ok, english(result)
        assert (result.value, result.display) == (e164, display)

    @pytest.mark.parametrize(
        ("stored", "written"),
        [
            ("+8613812345678", "13812345678"),
            ("+8655165123456", "0551-65123456"),
            ("+861012345678", "010-12345678"),
            ("+14155550123", "+1 415-555-0123"),
        ],
    )
    def test_numbers_are_filled_in_the_way_clerks_write_them(
        self, stored: str, written: str
    ) -> None:
        assert validate_phone(stored).written == written

    @pytest.mark.parametrize("typed", ["1381234567", "138123456789"])
    def test_mobile_length(self, typed: str) -> None:
        assert problems(validate_phone(typed)) == [
            ("{count} digits typed; a mobile number has 11", {"count": len(typed)})
        ]

    @pytest.mark.parametrize("typed", ["0551-65123", "0551-651234567"])
    def test_landline_length(self, typed: str) -> None:
        count = len(typed) - 1
        assert english(validate_phone(typed)) == [
            f"{count} digits typed; a landline number with area code has 10 to 12"
        ]

    def test_local_number_without_area_code(self) -> None:
        assert english(validate_phone("6512 3456")) == [
            "Add the area code in front (e.g. 010 or 0551)"
        ]

    @pytest.mark.parametrize("typed", ["12345678901", "010-1234567", "+1 415"])
    def test_number_that_does_not_exist(self, typed: str) -> None:
        assert english(validate_phone(typed)) == [
            "This is not a valid phone number; check the digits"
        ]

    def test_letters_are_refused_where_they_are(self) -> None:
        result = validate_phone("138l2345678")
        assert problems(result) == [
            (
                BAD_CHARACTER,
                {"position": 4, "char": "L", "allowed": "digits (a + only at the start)"},
            )
        ]

    def test_empty(self) -> None:
        assert problems(validate_phone("")) == [ENTER]


class TestDocuments:
    def test_resident_id_is_the_default_and_labels_are_the_printed_names(self) -> None:
        assert DEFAULT_DOCUMENT_KIND is DocumentKind.RESIDENT_ID
        assert [kind.label for kind in DocumentKind] == [
            "居民身份证",
            "港澳台居民居住证",
            "护照",
            "港澳居民来往内地通行证",
            "台湾居民来往大陆通行证",
            "外国人永久居留身份证",
        ]

    def test_resident_id_dispatches_to_the_id_check(self) -> None:
        result = validate_document(DocumentKind.RESIDENT_ID, VALID_ID, TODAY)
        assert isinstance(result, IdNumberCheck)
        assert result.ok
        assert result.facts is not None

    def test_residence_permit_needs_a_permit_number(self) -> None:
        permit = make_id_number("830000", date(1975, 8, 9), 5)
        assert validate_document(DocumentKind.RESIDENCE_PERMIT, permit, TODAY).ok
        result = validate_document(DocumentKind.RESIDENCE_PERMIT, VALID_ID, TODAY)
        assert english(result) == [
            "A residence permit number begins with 81 (Hong Kong), 82 (Macao) or 83 (Taiwan)"
        ]
        wrong = validate_document(DocumentKind.RESIDENCE_PERMIT, permit[:17] + "0", TODAY)
        assert [template for template, _ in problems(wrong)] == [ID_CHECK]

    def test_passport(self) -> None:
        result = validate_document(DocumentKind.PASSPORT, "e12345678", TODAY)
        assert (result.ok, result.value) == (True, "E12345678")
        assert problems(validate_document(DocumentKind.PASSPORT, "E123", TODAY)) == [
            (WRONG_LENGTH, {"count": 4, "expected": "5 to 17"})
        ]
        assert english(validate_document(DocumentKind.PASSPORT, "E1234-5678", TODAY)) == [
            "Character 6 “-” is not allowed; use letters and digits"
        ]
        assert problems(validate_document(DocumentKind.PASSPORT, "", TODAY)) == [ENTER]

    def test_hong_kong_and_macao_permit(self) -> None:
        kind = DocumentKind.HK_MACAO_PERMIT
        assert validate_document(kind, "H12345678", TODAY).ok
        assert validate_document(kind, "m1234567890", TODAY).ok
        assert english(validate_document(kind, "K12345678", TODAY)) == [
            "The first character should be H (Hong Kong) or M (Macao)"
        ]
        assert english(validate_document(kind, "H123456789", TODAY)) == [
            "9 characters after the letter; 8 or 10 digits are needed"
        ]
        assert english(validate_document(kind, "H1234A678", TODAY)) == [
            "Character 6 “A” is not allowed; use digits"
        ]

    def test_taiwan_permit(self) -> None:
        kind = DocumentKind.TAIWAN_PERMIT
        assert validate_document(kind, "12345678", TODAY).ok
        assert english(validate_document(kind, "1234567", TODAY)) == [
            "7 characters typed; 8 are needed"
        ]
        assert english(validate_document(kind, "1234567T", TODAY)) == [
            "Character 8 “T” is not allowed; use digits"
        ]

    def test_foreigner_permanent_residence_id(self) -> None:
        kind = DocumentKind.FOREIGNER_PERMANENT_ID
        assert validate_document(kind, "93384019800101001x", TODAY).value == "93384019800101001X"
        assert validate_document(kind, "933840198001010012", TODAY).ok
        assert english(validate_document(kind, "133840198001010012", TODAY)) == [
            "A foreigner's permanent residence ID card number begins with 9"
        ]
        assert english(validate_document(kind, "9338401980010100", TODAY)) == [
            "16 characters typed; 18 are needed"
        ]
        assert english(validate_document(kind, "9338401980A1010012", TODAY)) == [
            "Character 11 “A” is not allowed; use digits, and X as the 18th"
        ]


class TestMasking:
    def test_id_numbers_keep_first_six_and_last_four(self) -> None:
        assert mask_id_number("340104199001011234") == "340104********1234"
        assert mask_id_number("E12345678") == "E1*****78"
        assert mask_id_number("123") == "***"

    def test_names_keep_the_first_character(self) -> None:
        assert mask_name("李明") == "李*"
        assert mask_name("李小明") == "李**"
        assert mask_name("欧阳娜娜") == "欧***"
        assert mask_name("阿依古丽·买买提") == "阿***·***"
        assert mask_name("") == ""

    def test_phones(self) -> None:
        assert mask_phone("13812345678") == "138****5678"
        assert mask_phone("+8613812345678") == "138****5678"
        assert mask_phone("0551-65123456") == "0551-****3456"
        assert mask_phone("+861065529988") == "010-****9988"
        assert mask_phone("+14155550123") == "141****0123"

    @pytest.mark.parametrize(
        ("address", "masked"),
        [
            ("安徽省合肥市蜀山区长江西路123号", "安徽省合肥市蜀山区****"),
            ("北京市海淀区中关村大街1号", "北京市海淀区****"),
            ("上海市浦东新区世纪大道100号", "上海市浦东新区****"),
            ("新疆维吾尔自治区乌鲁木齐市天山区解放路", "新疆维吾尔自治区乌鲁木齐市天山区****"),
            ("延边朝鲜族自治州延吉市人民路5号", "延边朝鲜族自治州延吉市****"),
            ("合肥市长江西路100号", "合肥市****"),
            ("安徽省合肥市蜀山区", "安徽省合肥市蜀山区"),
            ("长江西路100号3栋", "长江西路1****"),
            ("某某村", "某****"),
        ],
    )
    def test_addresses_keep_the_administrative_areas(self, address: str, masked: str) -> None:
        assert mask_address(address) == masked
