# 部门预算公开助手 · 把 WPS 表格加载项装到本机（Windows）。双击同目录的 .bat 文件即可，不需要管理员权限。
#
#   install-local.bat      单机：把本文件旁边的加载项文件夹复制到 %APPDATA%\kingsoft\wps\jsaddons，不需要服务器
#   install-online.bat     在线：只登记单位服务器上的加载项（@ONLINE_URL@）
#   uninstall.bat          卸载：删除本加载项的文件夹和登记，其他加载项不动
#
# 登记写入 jsaddons 目录的 publish.xml 和 jsplugins.xml：只增删 name="@NAME@" 的条目，其他加载项的条目原样保留；
# 改动前各留一份 .bak。装好后请完全退出 WPS 再打开 WPS 表格。环境变量 WPS_JSADDONS 可指定别的目录。
# 本文件由 npm run release 生成（@VERSION@）。
param([ValidateSet('local', 'online', 'uninstall')][string]$Mode = 'local')
$ErrorActionPreference = 'Stop'

$Name = '@NAME@'
$Version = '@VERSION@'
$OnlineUrl = '@ONLINE_URL@'
$Folder = "${Name}_$Version"
$Here = Split-Path -Parent $MyInvocation.MyCommand.Path
$Dir = if ($env:WPS_JSADDONS) { $env:WPS_JSADDONS } else { Join-Path $env:APPDATA 'kingsoft\wps\jsaddons' }

# 去掉文件中本加载项（name=$Name）原有的条目，再加入新条目（$Tag 为空时不加）；其他加载项的条目不动。
function Merge-Entry([string]$File, [string]$Tag, [System.Collections.IDictionary]$Attrs) {
  $doc = New-Object System.Xml.XmlDocument
  $doc.PreserveWhitespace = $true
  if ((Test-Path -LiteralPath $File) -and ((Get-Item -LiteralPath $File).Length -gt 0)) {
    try { $doc.Load($File) } catch { throw "无法识别 $File 的内容，未作改动。请把它改名后再运行本脚本。" }
    if ($doc.DocumentElement.Name -ne 'jsplugins') { throw "无法识别 $File 的内容（不是 <jsplugins>），未作改动。请把它改名后再运行本脚本。" }
    Copy-Item -LiteralPath $File -Destination "$File.bak" -Force
  } else {
    $doc.LoadXml("<?xml version=`"1.0`" encoding=`"UTF-8`"?>`n<jsplugins>`n</jsplugins>")
  }
  $root = $doc.DocumentElement
  foreach ($n in @($root.SelectNodes("*[@name='$Name']"))) {
    $prev = $n.PreviousSibling
    if ($prev -and $prev.NodeType -eq [System.Xml.XmlNodeType]::Whitespace) { [void]$root.RemoveChild($prev) }
    [void]$root.RemoveChild($n)
  }
  if ($Tag) {
    $e = $doc.CreateElement($Tag)
    foreach ($k in $Attrs.Keys) { $e.SetAttribute($k, $Attrs[$k]) }
    [void]$root.AppendChild($doc.CreateWhitespace("`n  "))
    [void]$root.AppendChild($e)
    [void]$root.AppendChild($doc.CreateWhitespace("`n"))
  }
  $settings = New-Object System.Xml.XmlWriterSettings
  $settings.Encoding = New-Object System.Text.UTF8Encoding($false)
  $writer = [System.Xml.XmlWriter]::Create($File, $settings)
  try { $doc.Save($writer) } finally { $writer.Close() }
}

try {
  New-Item -ItemType Directory -Force -Path $Dir | Out-Null
  $publish = Join-Path $Dir 'publish.xml'
  $jsplugins = Join-Path $Dir 'jsplugins.xml'
  switch ($Mode) {
    'local' {
      $source = Join-Path $Here $Folder
      if (-not (Test-Path -LiteralPath (Join-Path $source 'index.html'))) {
        throw "找不到加载项文件夹 ${source}：请把整个压缩包解压后，在解压出的文件夹里运行。"
      }
      $target = Join-Path $Dir $Folder
      if (Test-Path -LiteralPath $target) { Remove-Item -LiteralPath $target -Recurse -Force }
      Copy-Item -LiteralPath $source -Destination $target -Recurse
      $url = ([System.Uri]($target + '\')).AbsoluteUri
      Merge-Entry $publish 'jsplugin' ([ordered]@{ name = $Name; type = 'et'; url = $url; version = $Version; enable = 'enable'; install = 'null' })
      Merge-Entry $jsplugins 'jsplugin' ([ordered]@{ name = $Name; type = 'et'; url = $url; version = $Version })
      Write-Host "已安装：$target"
      Write-Host "已登记：${publish}、${jsplugins}（其他加载项保留）"
    }
    'online' {
      Merge-Entry $publish 'jspluginonline' ([ordered]@{ name = $Name; type = 'et'; url = $OnlineUrl; version = $Version; enable = 'enable'; install = 'null'; customDomain = '' })
      if (Test-Path -LiteralPath $jsplugins) { Merge-Entry $jsplugins '' $null }
      Write-Host "已登记在线加载项：$OnlineUrl"
      Write-Host "已写入：${publish}（其他加载项保留）"
    }
    'uninstall' {
      foreach ($f in @($publish, $jsplugins)) { if (Test-Path -LiteralPath $f) { Merge-Entry $f '' $null } }
      Get-ChildItem -LiteralPath $Dir -Directory -Filter "${Name}_*" | Remove-Item -Recurse -Force
      Write-Host '已卸载部门预算公开助手（其他加载项保留）。'
      exit 0
    }
  }
  Write-Host '请完全退出 WPS，再打开 WPS 表格：功能区出现“部门预算”选项卡。'
} catch {
  Write-Host $_.Exception.Message -ForegroundColor Red
  exit 3
}
