import Testing

@testable import Pipeline

/// The shared calendar arithmetic: known dates on both sides of the epoch, leap days, round trips.
@Suite struct CivilDateTests {
    @Test(arguments: [
        (Int64(0), Int64(1970), Int64(1), Int64(1)), (-1, 1969, 12, 31), (11_016, 2000, 2, 29), (11_017, 2000, 3, 1),
        (-25_508, 1900, 3, 1), (19_782, 2024, 2, 29), (20_786, 2026, 11, 29), (-719_468, 0, 3, 1),
    ])
    func knownDays(_ days: Int64, _ year: Int64, _ month: Int64, _ day: Int64) {
        #expect(CivilDate.days(year: year, month: month, day: day) == days)
        let date = CivilDate.date(fromDays: days)
        #expect(date.year == year && date.month == month && date.day == day)
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        var previous: (year: Int64, month: Int64, day: Int64)?
        for days in Int64(-146_097)...Int64(146_097) {
            let date = CivilDate.date(fromDays: days)
            #expect(CivilDate.days(year: date.year, month: date.month, day: date.day) == days)
            if let previous { #expect(date.day == previous.day + 1 || date.day == 1) }
            previous = date
        }
    }

    @Test func componentsOfEpochSeconds() {
        let t = CivilDate.components(epochSeconds: 1_764_412_270)  // 2025-11-29T10:31:10Z
        #expect([t.year, t.month, t.day, t.hour, t.minute, t.second] == [2025, 11, 29, 10, 31, 10])
        let before = CivilDate.components(epochSeconds: -1)
        #expect([before.year, before.month, before.day, before.hour, before.minute, before.second] == [1969, 12, 31, 23, 59, 59])
        #expect(CivilDate.epochSeconds(year: 2025, month: 11, day: 29, hour: 10, minute: 31, second: 10) == 1_764_412_270)
    }
}
