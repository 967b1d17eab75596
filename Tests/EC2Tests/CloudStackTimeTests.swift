import Testing

@testable import EC2

/// CloudStack's timestamps in EC2's form: the UTC fast path and the general path agree.
@Suite struct CloudStackTimeTests {
    @Test(arguments: [
        ("2026-03-04T05:06:07+0000", "2026-03-04T05:06:07.000Z"),
        ("2026-03-04T05:06:07+0130", "2026-03-04T03:36:07.000Z"),
        ("2026-03-01T00:30:00-0100", "2026-03-01T01:30:00.000Z"),
        ("2024-02-29T23:59:59+0000", "2024-02-29T23:59:59.000Z"),
    ])
    func convertsToUTC(_ cloudStack: String, _ ec2: String) {
        #expect(CloudStackTime.ec2(cloudStack) == ec2)
        if let seconds = CloudStackTime.epochSeconds(cloudStack) {
            #expect(CloudStackTime.format(seconds) == ec2)
        } else {
            Issue.record("\(cloudStack) did not parse")
        }
    }

    @Test(arguments: [
        "", "garbage", "2026-13-04T05:06:07+0000", "2026-03-04T25:06:07+0000", "2026-03-04 05:06:07+0000", "２０26-03-04T05:06:07+0000",
    ])
    func unreadableTimesBecomeTheEpoch(_ text: String) {
        #expect(CloudStackTime.ec2(text) == "1970-01-01T00:00:00.000Z")
        #expect(!CloudStackTime.isUTCShape(text))
    }
}
