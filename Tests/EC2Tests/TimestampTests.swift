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
