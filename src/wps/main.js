/* WPS 表格 JS 加载项入口：功能区“部门预算 → 预算校验”三个按钮都打开同一个任务窗格（对应的栏目）。 */
(function () {
  var PANE_KEY = 'budgetCheck.taskpaneId';
  var TABS = { btnValidate: 'validate', btnExplain: 'explain', btnTemplate: 'template' };

  function baseUrl() {
    var href = document.location.href;
    return href.substring(0, href.lastIndexOf('/') + 1);
  }

  function storage() {
    return window.Application && window.Application.PluginStorage;
  }

  function showPane(tab) {
    var app = window.Application;
    var url = baseUrl() + 'taskpane.html#' + tab;
    var store = storage();
    var id = store && store.getItem(PANE_KEY);
    var pane = null;
    if (id) {
      try {
        pane = app.GetTaskPane(id);
      } catch (e) {
        pane = null;
      }
    }
    if (!pane) {
      pane = app.CreateTaskPane(url);
      if (store) store.setItem(PANE_KEY, pane.ID);
    } else {
      pane.Navigate(url);
    }
    pane.Visible = true;
  }

  window.ribbon = {
    OnAddinLoad: function (ribbonUI) {
      window.ribbonUI = ribbonUI;
      return true;
    },
    OnAction: function (control) {
      showPane(TABS[control.Id] || 'validate');
      return true;
    },
    GetImage: function () {
      return 'assets/icon-32.png';
    },
  };
  window.OnAddinLoad = window.ribbon.OnAddinLoad;
  window.OnAction = window.ribbon.OnAction;
  window.GetImage = window.ribbon.GetImage;
})();
