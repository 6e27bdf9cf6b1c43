package dev.toolwire.examples.crm;

/** Phone number rules shared by the tools that take a caller's number. */
public final class PhoneNumbers {

    /** An E.164 number: a plus sign, a non-zero country code and up to 15 digits in all. */
    public static final String E164 = "^\\+[1-9][0-9]{6,14}$";

    private PhoneNumbers() {}
}
