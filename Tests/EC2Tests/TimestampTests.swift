import EC2
import Testing

@Suite struct TimestampTests {
    @Test func basicAndExtendedFormsAgree() {
        let basic = AWSTimestamp.parseBasic("20150830T123600Z")
        #expect(basic == 1_440_938_160)
        #expect(AWSTimestamp.parseExtended("2015-08-30T12:36:00Z") == basic)
        #expect(AWSTimestamp.parseExtended("2015-08-30T12:36:00") == basic)
        #expect(AWSTimestamp.parseExtended("2015-08-30T12:36:00.123Z") == basic)
        #expect(AWSTimestamp.parseExtended("2015-08-30T14:36:00+02:00") == basic)
        #expect(AWSTimestamp.parseHTTPDate("Sun, 30 Aug 2015 12:36:00 GMT") == basic)
        #expect(AWSTimestamp.formatBasic(1_440_938_160) == "20150830T123600Z")
        #expect(AWSTimestamp.dateStamp(1_440_938_160) == "20150830")
        #expect(AWSTimestamp.parseBasic("20240229T000000Z") != nil)
    }

    @Test(arguments: ["", "20150830T1236Z", "20150830 123600Z", "20151330T123600Z", "20230229T000000Z", "2015083OT123600Z"])
    func malformedBasic(text: String) {
        #expect(AWSTimestamp.parseBasic(text) == nil)
    }

    @Test(arguments: ["2015-08-30", "2015-08-30T12:36:00Q", "2015-08-30T12:36:00.Z", "2015-08-30T25:00:00Z", "2015-08-30T12:36:00+2"])
    func malformedExtended(text: String) {
        #expect(AWSTimestamp.parseExtended(text) == nil)
    }
}

@Suite struct TimestampBoundsTests {
    /// Issue #11: a year of 10^12 in a `Date` header trapped on `days * 86_400` before any key lookup.
    @Test(arguments: [
        "Wed, 02 Dec 1000000000000 05:00:00 GMT", "Wed, 02 Dec 9223372036854775807 05:00:00 GMT",
        "Wed, 02 Dec -9223372036854775808 05:00:00 GMT", "Wed, 02 Dec 10000 05:00:00 GMT", "Wed, 02 Dec 0 05:00:00 GMT",
        "Wed, 9223372036854775807 Dec 2026 05:00:00 GMT", "Wed, 02 Dec 2026 9223372036854775807:00:00 GMT",
    ])
    func httpDatesOutsideFourDigitYearsAreRefused(text: String) {
        #expect(AWSTimestamp.parseHTTPDate(text) == nil)
    }

    @Test func theLastAndFirstFourDigitYearsStillParse() {
        #expect(AWSTimestamp.parseHTTPDate("Fri, 31 Dec 9999 23:59:59 GMT") == 253_402_300_799)
        #expect(AWSTimestamp.parseHTTPDate("Mon, 01 Jan 0001 00:00:00 GMT") == -62_135_596_800)
        #expect(AWSTimestamp.parseBasic("99991231T235959Z") == 253_402_300_799)
        #expect(AWSTimestamp.parseBasic("00000101T000000Z") == nil)
    }
}
