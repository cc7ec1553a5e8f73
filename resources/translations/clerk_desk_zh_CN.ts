<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Locked after failed sign-ins until {time}</source>
        <translation>登录失败次数过多，锁定至 {time}</translation>
    </message>
</context>
<context>
    <name>AccountsPanel</name>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>重设密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Un&amp;lock</source>
        <translation>解除锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Accounts message</source>
        <translation>账户提示</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <source>New user name</source>
        <translation>新账户用户名</translation>
    </message>
    <message>
        <source>Person&apos;s name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Needed for a reviewer</source>
        <translation>审批人员必填</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>User name message</source>
        <translation>用户名提示</translation>
    </message>
    <message>
        <source>Name message</source>
        <translation>姓名提示</translation>
    </message>
    <message>
        <source>Roles message</source>
        <translation>角色提示</translation>
    </message>
    <message>
        <source>Department message</source>
        <translation>部门提示</translation>
    </message>
    <message>
        <source>Password message</source>
        <translation>密码提示</translation>
    </message>
    <message>
        <source>Password again message</source>
        <translation>再次输入密码提示</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <source>Account added message</source>
        <translation>新建账户结果</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>再次输入(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <source>Added account {username}.</source>
        <translation>已新建账户 {username}。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The desk cannot start</source>
        <translation>工作台无法启动</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>clerk_desk: unexpected error</source>
        <translation>综合窗口工作台：意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside clerk_desk. Work that was already saved is safe. Copy the report below and give it to your administrator.</source>
        <translation>程序内部出现意外错误。已保存的工作不受影响。请复制下面的报告并交给管理员。</translation>
    </message>
    <message>
        <source>The report was also saved to {path}</source>
        <translation>报告也已保存到 {path}</translation>
    </message>
    <message>
        <source>The report could not be saved to a file.</source>
        <translation>报告未能保存为文件。</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>错误报告</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This window is locked</source>
        <translation>窗口已锁定</translation>
    </message>
    <message>
        <source>Locked for {name} ({user}). Enter the password to continue.</source>
        <translation>{name}（{user}）的窗口已锁定。输入密码继续工作。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation>解锁提示</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Comprehensive Window Desk</source>
        <translation>综合窗口工作台</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出件</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Signed-in clerk</source>
        <translation>当前工作人员</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Window {number}</source>
        <translation>{number}号窗口</translation>
    </message>
    <message>
        <source>Demo / training mode</source>
        <translation>演示/培训模式</translation>
    </message>
    <message>
        <source>Centre {code} {name}</source>
        <translation>中心 {code} {name}</translation>
    </message>
    <message>
        <source>Platform not configured</source>
        <translation>未配置平台</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Service centre</source>
        <translation>服务中心</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>同步状态</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>New password for {username}</source>
        <translation>为 {username} 重设密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Password message</source>
        <translation>密码提示</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>再次输入(&amp;A)</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <source>Not yet available: this workspace comes in a later version.</source>
        <translation>暂未提供：此工作区将在后续版本提供。</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>Translations load</source>
        <translation>加载翻译</translation>
    </message>
    <message>
        <source>none of the Simplified Chinese fonts</source>
        <translation>未找到简体中文字体</translation>
    </message>
    <message>
        <source>Chinese (Simplified) font for Qt</source>
        <translation>界面简体中文字体</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <source>Main window opens</source>
        <translation>主窗口可以打开</translation>
    </message>
    <message>
        <source>{n} workspaces</source>
        <translation>{n} 个工作区</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>空闲锁定分钟数</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>&amp;Lock after idle</source>
        <translation>空闲锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>界面语言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>字号(&amp;T)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Settings message</source>
        <translation>设置提示</translation>
    </message>
    <message>
        <source>Language and text size take effect the next time the desk starts.</source>
        <translation>界面语言和字号在下次启动时生效。</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}</source>
        <translation>设置未能保存：{error}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Comprehensive Window Desk · First start</source>
        <translation>综合窗口工作台 · 首次启动</translation>
    </message>
    <message>
        <source>Centre &amp;code</source>
        <translation>中心代码(&amp;C)</translation>
    </message>
    <message>
        <source>6 digits, e.g. 340100</source>
        <translation>6位数字，例如 340100</translation>
    </message>
    <message>
        <source>Centre &amp;name</source>
        <translation>中心名称(&amp;N)</translation>
    </message>
    <message>
        <source>Window number</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <source>&amp;Window number</source>
        <translation>窗口号(&amp;W)</translation>
    </message>
    <message>
        <source>Window category</source>
        <translation>窗口类别</translation>
    </message>
    <message>
        <source>Window cate&amp;gory</source>
        <translation>窗口类别(&amp;G)</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>首个管理员</translation>
    </message>
    <message>
        <source>Administrator&apos;s na&amp;me</source>
        <translation>管理员姓名(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>letters, digits, &apos;.&apos; or &apos;_&apos;</source>
        <translation>字母、数字、“.”或“_”</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>至少 {n} 个字符</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>再次输入密码(&amp;A)</translation>
    </message>
    <message>
        <source>This desk is starting for the first time. Enter the service centre, this window, and the administrator who will create the other accounts.</source>
        <translation>本工作台首次启动。请填写服务中心、本窗口，以及负责创建其他账号的管理员。</translation>
    </message>
    <message>
        <source>Set up this desk</source>
        <translation>设置本工作台</translation>
    </message>
    <message>
        <source>Setup message</source>
        <translation>设置提示</translation>
    </message>
    <message>
        <source>Finish setup</source>
        <translation>完成设置</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Problem with {field}</source>
        <translation>{field}有误</translation>
    </message>
    <message>
        <source>Enter the 6-digit division code, e.g. 340100</source>
        <translation>请输入6位行政区划代码，例如 340100</translation>
    </message>
    <message>
        <source>Enter the centre&apos;s name</source>
        <translation>请输入中心名称</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s name</source>
        <translation>请输入管理员姓名</translation>
    </message>
    <message>
        <source>Enter a user name</source>
        <translation>请输入用户名</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters</source>
        <translation>密码至少需要 {n} 个字符</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Comprehensive Window Desk · Sign in</source>
        <translation>综合窗口工作台 · 登录</translation>
    </message>
    <message>
        <source>Comprehensive Window Desk</source>
        <translation>综合窗口工作台</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>登录提示</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Demo / training mode · sample data</source>
        <translation>演示/培训模式 · 示例数据</translation>
    </message>
    <message>
        <source>{centre} · Window {number}</source>
        <translation>{centre} · {number}号窗口</translation>
    </message>
    <message>
        <source>Demo accounts (click or press Enter to fill in)</source>
        <translation>演示账号（单击或按回车填入）</translation>
    </message>
    <message>
        <source>Demo accounts</source>
        <translation>演示账号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Enter your user name</source>
        <translation>请输入用户名</translation>
    </message>
    <message>
        <source>Enter your password</source>
        <translation>请输入密码</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>cannot read {entry!r}; write the options as code=label separated by semicolons, e.g. first=首次申请;renew=延续</source>
        <translation>无法识别 {entry!r}；请按“代码=名称”书写选项，以分号分隔，例如 first=首次申请;renew=延续</translation>
    </message>
    <message>
        <source>cannot read {entry!r}; write situation=option codes separated by commas, several situations separated by semicolons, e.g. application=first,renew;applicant=agent</source>
        <translation>无法识别 {entry!r}；请按“情形=选项代码”书写，多个选项以逗号分隔，多个情形以分号分隔，例如 application=first,renew;applicant=agent</translation>
    </message>
    <message>
        <source>option code {key} appears twice</source>
        <translation>选项代码 {key} 出现了两次</translation>
    </message>
    <message>
        <source>situation {key!r} appears twice</source>
        <translation>情形 {key!r} 出现了两次</translation>
    </message>
    <message>
        <source>sheet {sheet}: {problem}</source>
        <translation>工作表 {sheet}：{problem}</translation>
    </message>
    <message>
        <source>sheet {sheet}, row {row}: {problem}</source>
        <translation>工作表 {sheet} 第 {row} 行：{problem}</translation>
    </message>
    <message>
        <source>sheet {sheet}, row {row}, column {column}: {problem}</source>
        <translation>工作表 {sheet} 第 {row} 行“{column}”列：{problem}</translation>
    </message>
    <message>
        <source>{path} was refused with {count} problem(s); nothing was imported and the current catalog is unchanged. Fix these in the workbook and import it again:</source>
        <translation>{path} 有 {count} 处问题，未予导入，当前事项目录保持不变。请在工作簿中改正以下问题后重新导入：</translation>
    </message>
    <message>
        <source>There is no file {path}</source>
        <translation>文件 {path} 不存在</translation>
    </message>
    <message>
        <source>{path} is not an Excel workbook (.xlsx); save it from Excel or WPS as .xlsx and import that file</source>
        <translation>{path} 不是 Excel 工作簿（.xlsx）；请在 Excel 或 WPS 中另存为 .xlsx 后导入</translation>
    </message>
    <message>
        <source>{path} cannot be read as an .xlsx workbook; it may be damaged or in another format. Open it in Excel or WPS, save it again as .xlsx and retry</source>
        <translation>{path} 无法作为 .xlsx 工作簿读取，可能已损坏或为其他格式。请在 Excel 或 WPS 中打开，重新另存为 .xlsx 后重试</translation>
    </message>
    <message>
        <source>this sheet is missing; start from the template written by “clerk-desk catalog export-template FILE”</source>
        <translation>缺少此工作表；请从“clerk-desk catalog export-template FILE”生成的模板开始填写</translation>
    </message>
    <message>
        <source>this column is missing from the header row; add it back</source>
        <translation>表头缺少此列，请补上</translation>
    </message>
    <message>
        <source>this cell must not be empty</source>
        <translation>此单元格不能为空</translation>
    </message>
    <message>
        <source>the sheet has no items; fill in one row per item</source>
        <translation>工作表中没有事项；请每行填写一个事项</translation>
    </message>
    <message>
        <source>basic code {code} is already used on row {other}</source>
        <translation>基本编码 {code} 已在第 {other} 行使用</translation>
    </message>
    <message>
        <source>no item on sheet {sheet} has basic code {code}; add the item or correct the code</source>
        <translation>工作表 {sheet} 中没有基本编码为 {code} 的事项；请补充该事项或改正编码</translation>
    </message>
    <message>
        <source>must be a whole number of 0 or more, not {value!r}</source>
        <translation>须为 0 或更大的整数，而不是 {value!r}</translation>
    </message>
    <message>
        <source>{value!r} is not one of: {allowed}</source>
        <translation>{value!r} 不在可选值之中：{allowed}</translation>
    </message>
    <message>
        <source>The file name must end in .xlsx: {path}</source>
        <translation>文件名须以 .xlsx 结尾：{path}</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>Wrote the catalog template to {path}</source>
        <translation>已将事项目录模板写入 {path}</translation>
    </message>
    <message>
        <source>Imported {items} items and {materials} materials from {path} (catalog version {version})</source>
        <translation>已从 {path} 导入 {items} 个事项、{materials} 项材料（目录版本 {version}）</translation>
    </message>
    <message>
        <source>Exported {items} items and {materials} materials to {path}</source>
        <translation>已将 {items} 个事项、{materials} 项材料导出到 {path}</translation>
    </message>
    <message>
        <source>The catalog is empty; import one with: clerk-desk catalog import FILE</source>
        <translation>事项目录为空；请用 clerk-desk catalog import FILE 导入</translation>
    </message>
    <message>
        <source>Basic code</source>
        <translation>基本编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Window category</source>
        <translation>窗口类别</translation>
    </message>
    <message>
        <source>No password on standard input (--password-stdin)</source>
        <translation>标准输入中没有密码（--password-stdin）</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New password again: </source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed</source>
        <translation>两次输入的密码不一致，未做任何更改</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created account {username} for {name} ({roles})</source>
        <translation>已为{name}新建账户 {username}（{roles}）</translation>
    </message>
    <message>
        <source>Set a new password for {username}</source>
        <translation>已为 {username} 设置新密码</translation>
    </message>
    <message>
        <source>Disabled account {username}</source>
        <translation>已停用账户 {username}</translation>
    </message>
    <message>
        <source>Enabled account {username}</source>
        <translation>已启用账户 {username}</translation>
    </message>
    <message>
        <source>Cleared the sign-in lock of {username}</source>
        <translation>已解除 {username} 的登录锁定</translation>
    </message>
    <message>
        <source>Legal days</source>
        <translation>法定时限（天）</translation>
    </message>
    <message>
        <source>Promised days</source>
        <translation>承诺时限（天）</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>clerk-desk {version} doctor: {path}</source>
        <translation>clerk-desk {version} 环境检查：{path}</translation>
    </message>
    <message>
        <source>{ok} ok, {warnings} warning(s), {errors} error(s)</source>
        <translation>{ok} 项正常，{warnings} 项警告，{errors} 项错误</translation>
    </message>
    <message>
        <source>{path} holds a {found} desk and cannot be opened in {wanted} mode; use another data directory</source>
        <translation>{path} 中是{found}模式的工作台，不能以{wanted}模式打开；请使用其他数据目录</translation>
    </message>
    <message>
        <source>The desk&apos;s database {path} cannot be opened ({error}); run &apos;clerk-desk doctor&apos; to see what to fix</source>
        <translation>无法打开本机数据库 {path}（{error}）；请运行“clerk-desk doctor”查看如何处理</translation>
    </message>
    <message>
        <source>Centre code must be the 6-digit division code, e.g. 340100</source>
        <translation>中心代码须为6位行政区划代码，例如 340100</translation>
    </message>
    <message>
        <source>Enter the centre&apos;s name</source>
        <translation>请输入中心名称</translation>
    </message>
    <message>
        <source>Window number must be from 1 to 999</source>
        <translation>窗口号须在 1 到 999 之间</translation>
    </message>
    <message>
        <source>Window category must be one of: {allowed}</source>
        <translation>窗口类别须为以下之一：{allowed}</translation>
    </message>
    <message>
        <source>Install: sudo apt-get install --no-install-recommends {packages}</source>
        <translation>安装：sudo apt-get install --no-install-recommends {packages}</translation>
    </message>
    <message>
        <source>Chinese (Simplified) font</source>
        <translation>简体中文字体</translation>
    </message>
    <message>
        <source>fontconfig (fc-list) is not installed</source>
        <translation>未安装 fontconfig（fc-list）</translation>
    </message>
    <message>
        <source>fc-list failed: {error}</source>
        <translation>fc-list 执行失败：{error}</translation>
    </message>
    <message>
        <source>No Simplified Chinese font is installed</source>
        <translation>未安装简体中文字体</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Cannot write in {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Give this user write access to {path}, or start with --data-dir</source>
        <translation>请为当前用户授予 {path} 的写入权限，或使用 --data-dir 启动</translation>
    </message>
    <message>
        <source>{path} will be created at first start</source>
        <translation>{path} 将在首次启动时创建</translation>
    </message>
    <message>
        <source>{path} is writable</source>
        <translation>{path} 可写</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Fix or remove {path}</source>
        <translation>请修复或删除 {path}</translation>
    </message>
    <message>
        <source>{path} ({mode} mode)</source>
        <translation>{path}（{mode} 模式）</translation>
    </message>
    <message>
        <source>Not set up yet: defaults apply</source>
        <translation>尚未设置：使用默认值</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>{path} cannot be read: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>Restore the database from a backup</source>
        <translation>请从备份恢复数据库</translation>
    </message>
    <message>
        <source>Integrity check failed: {problems}</source>
        <translation>完整性检查未通过：{problems}</translation>
    </message>
    <message>
        <source>Schema revision is {current}, this program needs {head}</source>
        <translation>数据库结构版本为 {current}，本程序需要 {head}</translation>
    </message>
    <message>
        <source>Start clerk-desk once to upgrade an older database; a newer one needs a newer clerk-desk</source>
        <translation>旧数据库请启动一次 clerk-desk 进行升级；较新的数据库需要更新版本的 clerk-desk</translation>
    </message>
    <message>
        <source>Integrity ok, schema revision {revision}</source>
        <translation>完整性正常，结构版本 {revision}</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>No CUPS client: printing to PDF only</source>
        <translation>未安装 CUPS 客户端：只能打印为 PDF</translation>
    </message>
    <message>
        <source>CUPS did not answer ({error}): printing to PDF only</source>
        <translation>CUPS 无响应（{error}）：只能打印为 PDF</translation>
    </message>
    <message>
        <source>Start CUPS: sudo systemctl start cups</source>
        <translation>请启动 CUPS：sudo systemctl start cups</translation>
    </message>
    <message>
        <source>No printer is set up: printing to PDF only</source>
        <translation>未设置打印机：只能打印为 PDF</translation>
    </message>
    <message>
        <source>Add the window&apos;s printer in the CUPS settings</source>
        <translation>请在 CUPS 设置中添加本窗口的打印机</translation>
    </message>
    <message>
        <source>Scanners</source>
        <translation>扫描仪</translation>
    </message>
    <message>
        <source>SANE (scanimage) is not installed</source>
        <translation>未安装 SANE（scanimage）</translation>
    </message>
    <message>
        <source>Listing scanners failed: {error}</source>
        <translation>列出扫描仪失败：{error}</translation>
    </message>
    <message>
        <source>Check the scanner&apos;s cable and its SANE backend</source>
        <translation>请检查扫描仪连线及其 SANE 后端</translation>
    </message>
    <message>
        <source>No scanner found: pages can only be imported</source>
        <translation>未找到扫描仪：只能导入页面文件</translation>
    </message>
    <message>
        <source>Connect the scanner and check it with scanimage -L</source>
        <translation>请连接扫描仪并用 scanimage -L 检查</translation>
    </message>
    <message>
        <source>Central platform</source>
        <translation>中心平台</translation>
    </message>
    <message>
        <source>Not configured: the desk works on its own</source>
        <translation>未配置：工作台独立运行</translation>
    </message>
    <message>
        <source>{url} is not reachable: {error}</source>
        <translation>无法连接 {url}：{error}</translation>
    </message>
    <message>
        <source>Check the network and the platform address in the settings</source>
        <translation>请检查网络及设置中的平台地址</translation>
    </message>
    <message>
        <source>{url} answered {status}</source>
        <translation>{url} 返回 {status}</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源文件</translation>
    </message>
    <message>
        <source>Missing: {files}</source>
        <translation>缺少：{files}</translation>
    </message>
    <message>
        <source>Reinstall clerk-desk</source>
        <translation>请重新安装 clerk-desk</translation>
    </message>
    <message>
        <source>{count} files under {path}</source>
        <translation>{path} 下共 {count} 个文件</translation>
    </message>
    <message>
        <source>basic code {value!r} must be 1 to 32 letters or digits</source>
        <translation>基本编码 {value!r} 须为 1 到 32 位字母或数字</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>promised time limit {promised} days is longer than the legal limit {legal} days; the promise must not exceed the law</source>
        <translation>承诺时限 {promised} 天超过法定时限 {legal} 天；承诺时限不得超过法定时限</translation>
    </message>
    <message>
        <source>with a promised limit of {days} days the case kind must be {expected}</source>
        <translation>承诺时限为 {days} 天时，办件类型应为{expected}</translation>
    </message>
    <message>
        <source>a situation needs at least two options</source>
        <translation>情形至少需要两个选项</translation>
    </message>
    <message>
        <source>an item needs at least one material</source>
        <translation>事项至少需要一项材料</translation>
    </message>
    <message>
        <source>material {name!r} is listed twice</source>
        <translation>材料 {name!r} 重复列出</translation>
    </message>
    <message>
        <source>material name must not be empty</source>
        <translation>材料名称不能为空</translation>
    </message>
    <message>
        <source>refers to situation {key!r}, which the item does not have</source>
        <translation>引用了情形 {key!r}，但该事项没有此情形</translation>
    </message>
    <message>
        <source>situation {key!r} has no option {options}</source>
        <translation>情形 {key!r} 没有选项 {options}</translation>
    </message>
    <message>
        <source>{path} exists and is not a folder; choose another data directory</source>
        <translation>{path} 已存在且不是文件夹；请选择其他数据目录</translation>
    </message>
    <message>
        <source>Intake clerk</source>
        <translation>受理人员</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审批人员</translation>
    </message>
    <message>
        <source>Output clerk</source>
        <translation>出件人员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>窗口负责人</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>User name must be letters, digits, &apos;.&apos; or &apos;_&apos;</source>
        <translation>用户名只能包含字母、数字、“.”或“_”</translation>
    </message>
    <message>
        <source>Password must have at least {n} characters</source>
        <translation>密码至少需要 {n} 个字符</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name</source>
        <translation>请输入姓名</translation>
    </message>
    <message>
        <source>Choose at least one role</source>
        <translation>请至少选择一个角色</translation>
    </message>
    <message>
        <source>A reviewer needs a department</source>
        <translation>审批人员需要填写所属部门</translation>
    </message>
    <message>
        <source>User name {name} is already taken</source>
        <translation>用户名 {name} 已被使用</translation>
    </message>
    <message>
        <source>Too many failed sign-ins: try again in {minutes} minute(s), or ask an administrator</source>
        <translation>登录失败次数过多：请 {minutes} 分钟后再试，或联系管理员</translation>
    </message>
    <message>
        <source>Wrong user name or password; check both and try again</source>
        <translation>用户名或密码错误，请检查后重试</translation>
    </message>
    <message>
        <source>There is no account named {name}</source>
        <translation>没有名为 {name} 的账户</translation>
    </message>
    <message>
        <source>{name} is the last active administrator; make another account an administrator first</source>
        <translation>{name} 是最后一个在用的管理员账户；请先把另一个账户设为管理员</translation>
    </message>
    <message>
        <source>The catalog was refused with {count} problem(s); nothing was imported</source>
        <translation>事项目录有 {count} 处问题，未予导入</translation>
    </message>
    <message>
        <source>basic code {code} is already used by item {other}</source>
        <translation>基本编码 {code} 已被事项 {other} 使用</translation>
    </message>
    <message>
        <source>Settings file {path} cannot be read ({error}); fix or remove it</source>
        <translation>无法读取设置文件 {path}（{error}）；请修复或删除该文件</translation>
    </message>
    <message>
        <source>Settings file {path} is not a JSON object</source>
        <translation>设置文件 {path} 不是 JSON 对象</translation>
    </message>
    <message>
        <source>Settings were written by a newer clerk_desk (version {found}); update this program</source>
        <translation>设置由更新版本的程序写入（版本 {found}）；请升级本程序</translation>
    </message>
    <message>
        <source>Setting {name} must be of type {type}, not {value!r}</source>
        <translation>设置项 {name} 的类型应为 {type}，而不是 {value!r}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
</TS>
