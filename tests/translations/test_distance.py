from translations.distance import post_edit_distance


def test_identical_is_zero():
    assert post_edit_distance("Ha Long Bay is here.", "Ha Long Bay is here.") == 0.0


def test_one_word_of_four_changed():
    assert post_edit_distance("the bay is big", "the bay is large") == 0.25


def test_scripts_without_spaces_compare_characters():
    assert post_edit_distance("ກາເຟ", "ກາເຟຫວຽດ") == 0.5


def test_markup_is_ignored_and_result_is_capped():
    assert post_edit_distance("<b>a</b> b", "a b") == 0.0
    assert post_edit_distance("a", "x y z w") == 1.0
