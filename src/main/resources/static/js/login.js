/* Login page: the form posts to Spring Security; this only shows ?error / ?logout and fills the CSRF token. */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  H.start('login', { anonymous: true }).then(function () {
    document.getElementById('login-error').hidden = !params.has('error');
    document.getElementById('login-logout').hidden = !params.has('logout');
    document.getElementById('login-expired').hidden = !params.has('expired');
    var form = document.getElementById('login-form');
    var field = form.querySelector('input[name=_csrf]');
    function fillToken() {
      var token = H.csrfToken();
      if (token) { field.value = token; }
    }
    fillToken();
    form.addEventListener('submit', fillToken);
    var user = document.getElementById('username');
    (user.value ? document.getElementById('password') : user).focus();
  });
})();
