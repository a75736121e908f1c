package org.habeas.casefile;

import java.util.List;
import java.util.Map;
import org.habeas.api.CurrentUser;
import org.habeas.dashboard.CaseAccess;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The defender's personal data of a case, decrypted, for those who may see the case (every view is
 * recorded), and the record of who viewed or changed it, for managers.
 */
@RestController
public class PersonalDataController {

  private final CaseAccess access;
  private final PersonalData personalData;

  public PersonalDataController(CaseAccess access, PersonalData personalData) {
    this.access = access;
    this.personalData = personalData;
  }

  @GetMapping("/api/cases/{caseNumber}/personal-data")
  public Map<String, String> view(@PathVariable String caseNumber, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    access.visible(caseNumber, user);
    return personalData.view(caseNumber, user.userId());
  }

  @GetMapping("/api/cases/{caseNumber}/audit")
  public List<PersonalData.Access> audit(@PathVariable String caseNumber, Authentication authentication) {
    access.visible(caseNumber, CurrentUser.of(authentication));
    return personalData.auditTrail(caseNumber);
  }
}
