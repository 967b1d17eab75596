import JSON

extension World {
    /// Writes a `TemplateResponse` for one zone of the template.
    func writeTemplate(_ template: Template, zoneID: String?, into w: inout JSONWriter) {
        w.beginObject()
        w.member("id", template.id)
        w.member("name", template.name)
        w.member("displaytext", template.displayText)
        w.member("ispublic", template.isPublic)
        w.member("created", DateText.format(template.created))
        w.member("isready", template.isReady)
        w.member("passwordenabled", template.passwordEnabled)
        w.member("format", template.format)
        w.member("isfeatured", template.isFeatured)
        w.member("crossZones", template.zoneID == nil)
        w.member("ostypeid", template.osTypeID)
        w.member("ostypename", template.osTypeName)
        writeOwner(template.accountID, into: &w)
        w.member("accountid", template.accountID)
        if let zoneID, let zone = zones[zoneID] {
            w.member("zoneid", zone.id)
            w.member("zonename", zone.name)
        }
        w.member("status", template.status)
        if template.isReady { w.member("size", template.size) }
        w.member("templatetype", template.templateType)
        w.member("hypervisor", template.hypervisor)
        w.member("isextractable", template.isExtractable)
        w.member("sourcetemplateid", ifPresent: template.sourceTemplateID)
        w.member("sshkeyenabled", template.sshKeyEnabled)
        w.member("isdynamicallyscalable", false)
        w.member("directdownload", false)
        w.member("deployasis", false)
        w.member("bootable", true)
        w.member("requireshvm", true)
        w.member("bits", template.bits)
        w.member("url", ifPresent: template.url)
        writeTags(of: template.id, into: &w)
        w.endObject()
    }
}
