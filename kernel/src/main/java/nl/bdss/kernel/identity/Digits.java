package nl.bdss.kernel.identity;

/** Character checks by hand: they run for every row of a national count file, where a regex costs too much. */
final class Digits {

    private Digits() {
    }

    static boolean allDigits(String text, int length) {
        if (text == null || text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!digit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean upperLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
