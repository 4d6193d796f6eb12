#!/bin/sh
# 部门预算公开助手 · 把 WPS 表格加载项装到本机（信创 Linux：统信 UOS、银河麒麟等；其他 Linux 同样适用）。
#
#   sh install-wps.sh              单机：把本文件旁边的加载项文件夹复制到本机 jsaddons 目录，不需要服务器
#   sh install-wps.sh --online     在线：只登记单位服务器上的加载项（@ONLINE_URL@）
#   sh install-wps.sh --uninstall  卸载：删除本加载项的文件夹和登记，其他加载项不动
#
# 登记写入 jsaddons 目录的 publish.xml 和 jsplugins.xml：只增删 name="@NAME@" 的条目，其他加载项的条目原样保留；
# 改动前各留一份 .bak。装好后请完全退出 WPS 再打开 WPS 表格。
# 目录默认是 ~/.local/share/Kingsoft/wps/jsaddons，可用环境变量 WPS_JSADDONS 指定别处。
# 本文件由 npm run release 生成（@VERSION@）。
set -eu

NAME='@NAME@'
VERSION='@VERSION@'
ONLINE_URL='@ONLINE_URL@'
FOLDER="${NAME}_${VERSION}"
HERE=$(cd "$(dirname "$0")" && pwd)
DIR="${WPS_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"

mode=local
case "${1:-}" in
  '') ;;
  --online) mode=online ;;
  --uninstall) mode=uninstall ;;
  *) echo "用法：sh install-wps.sh [--online | --uninstall]" >&2; exit 2 ;;
esac

xml_escape() {
  printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'
}

# merge 文件 条目：去掉文件中本加载项（name="$NAME"）原有的条目，再把“条目”（为空时不加）放到 </jsplugins> 之前。
# 其他加载项的条目、注释和排版不动。文件不存在时新建；认不出 <jsplugins> 时不改动并报错。
merge() {
  file=$1
  if [ -s "$file" ]; then
    cp "$file" "$file.bak"
  else
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n</jsplugins>\n' > "$file"
  fi
  if ! ENTRY="$2" NAME="$NAME" awk '
    { s = s $0 "\n" }
    END {
      ours = "[ \t]*<jsplugin(online)?[ \t\r\n][^>]*name=\"" ENVIRON["NAME"] "\"[^>]*>([ \t\r\n]*</jsplugin(online)?>)?[ \t]*\r?\n?"
      gsub(ours, "", s)
      sub(/<jsplugins[ \t\r\n]*\/>/, "<jsplugins>\n</jsplugins>", s)
      i = index(s, "</jsplugins>")
      if (i == 0) exit 3
      if (ENVIRON["ENTRY"] != "") s = substr(s, 1, i - 1) "  " ENVIRON["ENTRY"] "\n" substr(s, i)
      printf "%s", s
    }' "$file" > "$file.tmp"; then
    rm -f "$file.tmp"
    echo "无法识别 $file 的内容（找不到 </jsplugins>），未作改动。请把它改名后再运行本脚本。" >&2
    exit 3
  fi
  mv "$file.tmp" "$file"
}

mkdir -p "$DIR"
case "$mode" in
  local)
    if [ ! -f "$HERE/$FOLDER/index.html" ]; then
      echo "找不到加载项文件夹 $HERE/$FOLDER：请把整个压缩包解压后，在解压出的文件夹里运行本脚本。" >&2
      exit 2
    fi
    rm -rf "${DIR:?}/$FOLDER"
    cp -R "$HERE/$FOLDER" "$DIR/$FOLDER"
    url=$(xml_escape "file://$DIR/$FOLDER/")
    merge "$DIR/publish.xml" "<jsplugin name=\"$NAME\" type=\"et\" url=\"$url\" version=\"$VERSION\" enable=\"enable\" install=\"null\"/>"
    merge "$DIR/jsplugins.xml" "<jsplugin name=\"$NAME\" type=\"et\" url=\"$url\" version=\"$VERSION\"/>"
    echo "已安装：$DIR/$FOLDER"
    echo "已登记：$DIR/publish.xml、$DIR/jsplugins.xml（其他加载项保留）"
    ;;
  online)
    url=$(xml_escape "$ONLINE_URL")
    merge "$DIR/publish.xml" "<jspluginonline name=\"$NAME\" type=\"et\" url=\"$url\" version=\"$VERSION\" enable=\"enable\" install=\"null\" customDomain=\"\"/>"
    if [ -f "$DIR/jsplugins.xml" ]; then merge "$DIR/jsplugins.xml" ''; fi
    echo "已登记在线加载项：$ONLINE_URL"
    echo "已写入：$DIR/publish.xml（其他加载项保留）"
    ;;
  uninstall)
    for f in "$DIR/publish.xml" "$DIR/jsplugins.xml"; do
      if [ -f "$f" ]; then merge "$f" ''; fi
    done
    for d in "$DIR/${NAME}_"*; do
      if [ -d "$d" ]; then rm -rf "$d"; fi
    done
    echo "已卸载部门预算公开助手（其他加载项保留）。"
    exit 0
    ;;
esac
echo "请完全退出 WPS，再打开 WPS 表格：功能区出现“部门预算”选项卡。"
