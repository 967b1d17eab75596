import JSON

extension World {
    /// Writes a `ZoneResponse`.
    func writeZone(_ zone: Zone, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", zone.id)
        w.member("name", zone.name)
        w.member("description", zone.description)
        w.member("dns1", "8.8.8.8")
        w.member("dns2", "8.8.4.4")
        w.member("internaldns1", "10.0.0.2")
        if zone.networkType == "Advanced" { w.member("guestcidraddress", "10.1.0.0/16") }
        w.member("networktype", zone.networkType)
        w.member("securitygroupsenabled", zone.securityGroupsEnabled)
        w.member("allocationstate", "Enabled")
        w.member("zonetoken", zone.id.replacingDashes)
        w.member("dhcpprovider", zone.networkType == "Basic" ? "DhcpServer" : "VirtualRouter")
        w.member("localstorageenabled", false)
        writeTags(of: zone.id, into: &w)
        w.member("allowuserspecifyvrmtu", false)
        w.member("routerprivateinterfacemaxmtu", 1500)
        w.member("routerpublicinterfacemaxmtu", 1500)
        w.member("type", "Core")
        w.endObject()
    }

    /// Writes a `ServiceOfferingResponse`.
    func writeServiceOffering(_ offering: ServiceOffering, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", offering.id)
        w.member("name", offering.name)
        w.member("displaytext", offering.displayText)
        if let cpu = offering.cpuNumber { w.member("cpunumber", cpu) }
        if let speed = offering.cpuSpeed { w.member("cpuspeed", speed) }
        if let memory = offering.memory { w.member("memory", memory) }
        w.member("created", DateText.format(offering.created))
        w.member("storagetype", "shared")
        w.member("provisioningtype", "thin")
        w.member("offerha", false)
        w.member("limitcpuuse", false)
        w.member("isvolatile", false)
        w.member("issystem", false)
        w.member("defaultuse", false)
        w.member("iscustomized", offering.isCustomized)
        w.member("dynamicscalingenabled", true)
        w.member("diskofferingstrictness", false)
        w.member("encryptroot", false)
        w.member("hasannotations", false)
        w.endObject()
    }

    /// Writes a `DiskOfferingResponse`.
    func writeDiskOffering(_ offering: DiskOffering, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", offering.id)
        w.member("name", offering.name)
        w.member("displaytext", offering.displayText)
        w.member("disksize", offering.diskSizeGB)
        w.member("created", DateText.format(offering.created))
        w.member("iscustomized", offering.isCustomized)
        w.member("storagetype", "shared")
        w.member("provisioningtype", "thin")
        w.member("displayoffering", true)
        w.member("disksizestrictness", false)
        w.member("encrypt", false)
        w.member("hasannotations", false)
        w.endObject()
    }

    /// Writes a `RegionResponse`.
    func writeRegion(_ region: Region, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", region.id)
        w.member("name", region.name)
        w.member("endpoint", region.endpoint)
        w.member("gslbserviceenabled", true)
        w.member("portableipserviceenabled", false)
        w.endObject()
    }
}

extension String {
    /// The string without `-` (CloudStack zone tokens look like undashed UUIDs).
    var replacingDashes: String { String(filter { $0 != "-" }) }
}
