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
        <source>Staff number</source>
        <translation>工号</translation>
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
        <source>Edit… (&amp;2)</source>
        <translation>修改(&amp;2)…</translation>
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
        <source>Staff number</source>
        <translation>工号</translation>
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
        <source>Staff number message</source>
        <translation>工号提示</translation>
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
        <source>Depar&amp;tment</source>
        <translation>部门(&amp;T)</translation>
    </message>
    <message>
        <source>Staff number (&amp;1)</source>
        <translation>工号(&amp;1)</translation>
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
    <name>AppealDialog</name>
    <message>
        <source>A struck rating stays in the record, marked struck, with your reason; it no longer counts.</source>
        <translation>撤销的差评仍保留在记录中，标为已撤销并附上理由，不再计入统计。</translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation>复核决定(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ApplicantForm</name>
    <message>
        <source>Applicant kind</source>
        <translation>申请人类型</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Applicant&apos;s name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <source>Applicant&apos;s document</source>
        <translation>申请人证件类型</translation>
    </message>
    <message>
        <source>Applicant&apos;s ID number</source>
        <translation>申请人证件号码</translation>
    </message>
    <message>
        <source>Organisation&apos;s name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Applied for by an agent (代办)</source>
        <translation>由代理人代办</translation>
    </message>
    <message>
        <source>Applied for by an agent</source>
        <translation>由代理人代办</translation>
    </message>
    <message>
        <source>Agent&apos;s name</source>
        <translation>代理人姓名</translation>
    </message>
    <message>
        <source>Agent&apos;s document</source>
        <translation>代理人证件类型</translation>
    </message>
    <message>
        <source>Agent&apos;s ID number</source>
        <translation>代理人证件号码</translation>
    </message>
    <message>
        <source>Agent&apos;s phone</source>
        <translation>代理人电话</translation>
    </message>
    <message>
        <source>&amp;Applicant</source>
        <translation>申请人(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID numbe&amp;r</source>
        <translation>证件号码(&amp;R)</translation>
    </message>
    <message>
        <source>Credit &amp;code</source>
        <translation>信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>Legal rep.</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>地址(&amp;D)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Agent&apos;s ID no.</source>
        <translation>代理人证件号码</translation>
    </message>
    <message>
        <source>Returning applicant</source>
        <translation>曾办过件的申请人</translation>
    </message>
    <message>
        <source>Enter Fill in</source>
        <translation>Enter 填入</translation>
    </message>
    <message>
        <source>Fill in the returning applicant</source>
        <translation>填入该申请人的信息</translation>
    </message>
    <message>
        <source>This number has applied before: {name} {phone}</source>
        <translation>该号码曾办过件：{name} {phone}</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>The result is a licence: its number and validity are required.</source>
        <translation>结果为证照：须填写证照编号和有效期。</translation>
    </message>
    <message>
        <source>The decision is printed for the applicant (准予许可决定书).</source>
        <translation>将为申请人打印准予许可决定书。</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <source>Result &amp;name</source>
        <translation>结果名称(&amp;N)</translation>
    </message>
    <message>
        <source>Result n&amp;umber</source>
        <translation>证照编号(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Valid until</source>
        <translation>有效期至(&amp;V)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2031-12-31</translation>
    </message>
    <message>
        <source>“Valid until” must be a date (YYYY-MM-DD)</source>
        <translation>“有效期至”应为日期（YYYY-MM-DD）</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <source>Call the rater back after the reply.</source>
        <translation>答复后回访评价人。</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>回访结果(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>回访情况(&amp;N)</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Document camera</source>
        <translation>高拍仪</translation>
    </message>
    <message>
        <source>Document camera status</source>
        <translation>高拍仪状态</translation>
    </message>
    <message>
        <source>Take page (Space)</source>
        <translation>拍摄一页（空格）</translation>
    </message>
    <message>
        <source>Take a page</source>
        <translation>拍摄一页</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>高拍仪画面</translation>
    </message>
    <message>
        <source>{camera}: Space or Enter takes a page · Esc closes</source>
        <translation>{camera}：空格或回车拍摄一页 · Esc 关闭</translation>
    </message>
    <message>
        <source>No document camera was found. Check that its USB cable is plugged in and its light is on, and that no other program is using it; then open this window again (K).</source>
        <translation>未找到高拍仪/摄像头。请检查 USB 线已插好、指示灯已亮，且没有其他程序正在使用它；然后重新打开此窗口（K）。</translation>
    </message>
    <message>
        <source>{count} page(s) taken</source>
        <translation>已拍摄 {count} 页</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <source>Case {number}</source>
        <translation>办件 {number}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Take up the supplement</source>
        <translation>补正受理</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理历史</translation>
    </message>
    <message>
        <source>On the spot</source>
        <translation>即办（当场办结）</translation>
    </message>
    <message>
        <source>{date} (provisional)</source>
        <translation>{date}（暂定）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <source>Committed deadline</source>
        <translation>承诺期限</translation>
    </message>
    <message>
        <source>Supplement by</source>
        <translation>补齐材料期限</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>已收取</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <source>Committed deadline</source>
        <translation>承诺期限</translation>
    </message>
    <message>
        <source>{state} (gaps to supply)</source>
        <translation>{state}（容缺）</translation>
    </message>
    <message>
        <source>On the spot</source>
        <translation>即办</translation>
    </message>
    <message>
        <source>{date} (provisional)</source>
        <translation>{date}（暂定）</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <source>Search cases</source>
        <translation>搜索办件</translation>
    </message>
    <message>
        <source>Case number, ID number, name or phone</source>
        <translation>办件编号、证件号码、姓名或电话</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清空搜索</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>收件日期自</translation>
    </message>
    <message>
        <source>Received until</source>
        <translation>收件日期至</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>办件列表</translation>
    </message>
    <message>
        <source>Number of cases shown</source>
        <translation>显示的办件数</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>&amp;State</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>自(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <source>{count} cases shown; scroll down for more</source>
        <translation>已显示{count}件，向下滚动查看更多</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>共{count}件</translation>
    </message>
    <message>
        <source>No cases found</source>
        <translation>没有找到办件</translation>
    </message>
    <message>
        <source>This draft was discarded meanwhile</source>
        <translation>该草稿已被删除</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>What is being done</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Case {number}</source>
        <translation>办件 {number}</translation>
    </message>
    <message>
        <source>Choosing the item…</source>
        <translation>正在选择办理事项…</translation>
    </message>
    <message>
        <source>Agent {name}</source>
        <translation>代理人 {name}</translation>
    </message>
    <message>
        <source>Materials: {received} of {total} received</source>
        <translation>材料：已收 {received} / 共 {total} 项</translation>
    </message>
    <message>
        <source>Handed over to you</source>
        <translation>交付给您的文书和证照</translation>
    </message>
    <message>
        <source>Promised by {date}</source>
        <translation>承诺办结时限：{date}</translation>
    </message>
    <message>
        <source>Taking in your application</source>
        <translation>正在为您受理</translation>
    </message>
    <message>
        <source>Your application is accepted</source>
        <translation>您的申请已受理</translation>
    </message>
    <message>
        <source>Accepted; some materials may follow</source>
        <translation>已容缺受理，部分材料可后补</translation>
    </message>
    <message>
        <source>Some materials are still missing</source>
        <translation>还缺少部分材料</translation>
    </message>
    <message>
        <source>Your application cannot be accepted</source>
        <translation>您的申请不予受理</translation>
    </message>
    <message>
        <source>Your result is ready</source>
        <translation>您的办理结果已备好</translation>
    </message>
    <message>
        <source>Your result was handed over</source>
        <translation>办理结果已交付</translation>
    </message>
    <message>
        <source> Enquiries: {phone}</source>
        <translation> 咨询电话：{phone}</translation>
    </message>
    <message>
        <source>Please hand the materials to the clerk as asked.</source>
        <translation>请按工作人员的提示递交材料。</translation>
    </message>
    <message>
        <source>Keep the notice of acceptance; the result follows by the date above.</source>
        <translation>请妥善保管受理通知书，办理结果将在上述日期前送达。</translation>
    </message>
    <message>
        <source>Bring the materials marked “gap” as the notice says.</source>
        <translation>请按容缺受理通知书补齐标为“容缺”的材料。</translation>
    </message>
    <message>
        <source>Bring the materials marked “gap” by {date}.</source>
        <translation>请于 {date} 前补齐标为“容缺”的材料。</translation>
    </message>
    <message>
        <source>Bring the {count} material(s) marked “missing”, then come back.</source>
        <translation>请补齐标为“缺”的 {count} 项材料后再来办理。</translation>
    </message>
    <message>
        <source>The notice says why and how to seek review.</source>
        <translation>不予受理的理由和救济途径见不予受理通知书。</translation>
    </message>
    <message>
        <source>Please pay {amount} yuan first.</source>
        <translation>请先缴纳 {amount} 元。</translation>
    </message>
    <message>
        <source>Please check what you receive and sign the receipt.</source>
        <translation>请核对领取的文书和证照，并在送达回证上签字。</translation>
    </message>
    <message>
        <source>Please check what you received.</source>
        <translation>请核对您领取的文书和证照。</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>✓ Received</source>
        <translation>✓ 已收</translation>
    </message>
    <message>
        <source>✗ Missing</source>
        <translation>✗ 缺</translation>
    </message>
    <message>
        <source>◐ Gap</source>
        <translation>◐ 容缺</translation>
    </message>
    <message>
        <source>… To check</source>
        <translation>… 待核</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Choose a case in the queue (↑/↓, or type in the search box)</source>
        <translation>请在左侧待办中选择办件（↑/↓，或在搜索框中输入）</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>未打开办件</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Situations</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Parts of the case</source>
        <translation>办件的审批部分</translation>
    </message>
    <message>
        <source>Special procedures and extensions</source>
        <translation>特别程序与延长审批</translation>
    </message>
    <message>
        <source>Case pages</source>
        <translation>办件内容</translation>
    </message>
    <message>
        <source>Materials and pages</source>
        <translation>材料与页面</translation>
    </message>
    <message>
        <source>Parts and special procedures</source>
        <translation>审批部分与特别程序</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理历程</translation>
    </message>
    <message>
        <source>received {time}</source>
        <translation>收件 {time}</translation>
    </message>
    <message>
        <source>Case {number}</source>
        <translation>办件 {number}</translation>
    </message>
    <message>
        <source>Applicant {name}</source>
        <translation>申请人 {name}</translation>
    </message>
    <message>
        <source>{date} (provisional)</source>
        <translation>{date}（暂定）</translation>
    </message>
    <message>
        <source>Deadline {date}</source>
        <translation>办结期限 {date}</translation>
    </message>
    <message>
        <source>agent {name}</source>
        <translation>代理人 {name}</translation>
    </message>
    <message>
        <source>This department has no part in the case</source>
        <translation>本部门在该办件中没有审批部分</translation>
    </message>
    <message>
        <source>approved: {result} {number}</source>
        <translation>准予许可：{result} {number}</translation>
    </message>
    <message>
        <source>denied: {reasons}</source>
        <translation>不予许可：{reasons}</translation>
    </message>
    <message>
        <source> (lead)</source>
        <translation>（牵头）</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>审批部门</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>延长工作日</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>CheckedField</name>
    <message>
        <source>{field} message</source>
        <translation>{field}提示</translation>
    </message>
</context>
<context>
    <name>ClockedList</name>
    <message>
        <source>Cases listed</source>
        <translation>列出的办件</translation>
    </message>
    <message>
        <source>&amp;Back to today (Esc)</source>
        <translation>返回今日(&amp;B) (Esc)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Committed deadline</source>
        <translation>承诺办结时限</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>{days} over</source>
        <translation>超期 {days} 个工作日</translation>
    </message>
    <message>
        <source>{days} left</source>
        <translation>剩余 {days} 个工作日</translation>
    </message>
</context>
<context>
    <name>CollectorForm</name>
    <message>
        <source>Matches the applicant&apos;s ID number</source>
        <translation>与申请人证件号码一致</translation>
    </message>
    <message>
        <source>Open a case first</source>
        <translation>请先打开办件</translation>
    </message>
    <message>
        <source>&amp;Applicant in person</source>
        <translation>本人(&amp;A)</translation>
    </message>
    <message>
        <source>Collected by the applicant in person</source>
        <translation>申请人本人领取</translation>
    </message>
    <message>
        <source>A&amp;gent</source>
        <translation>代理人(&amp;G)</translation>
    </message>
    <message>
        <source>Collected by an agent</source>
        <translation>代理人领取</translation>
    </message>
    <message>
        <source>Collector&apos;s name</source>
        <translation>领取人姓名</translation>
    </message>
    <message>
        <source>Collector&apos;s document</source>
        <translation>领取人证件类型</translation>
    </message>
    <message>
        <source>Collector&apos;s ID number</source>
        <translation>领取人证件号码</translation>
    </message>
    <message>
        <source>Letter of authorisation</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>F6 Scan</source>
        <translation>F6 扫描</translation>
    </message>
    <message>
        <source>Scan the letter of authorisation</source>
        <translation>扫描授权委托书</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import the letter of authorisation</source>
        <translation>导入授权委托书</translation>
    </message>
    <message>
        <source>Electronic licence number (optional)</source>
        <translation>电子证照号（选填）</translation>
    </message>
    <message>
        <source>Name message</source>
        <translation>姓名提示</translation>
    </message>
    <message>
        <source>Letter of authorisation message</source>
        <translation>授权委托书提示</translation>
    </message>
    <message>
        <source>Electronic licence message</source>
        <translation>电子证照号提示</translation>
    </message>
    <message>
        <source>Collector</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID numbe&amp;r</source>
        <translation>证件号码(&amp;R)</translation>
    </message>
    <message>
        <source>Authorisation</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>E-licence no.</source>
        <translation>电子证照号</translation>
    </message>
    <message>
        <source>Scanned here: {name}</source>
        <translation>已在本窗口扫描：{name}</translation>
    </message>
    <message>
        <source>Attached to the case ✓</source>
        <translation>办件材料中已有 ✓</translation>
    </message>
    <message>
        <source>Not attached: scan it (F6) or import it</source>
        <translation>未附：请扫描（F6）或导入</translation>
    </message>
</context>
<context>
    <name>CourierForm</name>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>收件地址</translation>
    </message>
    <message>
        <source>Recipient&apos;s phone</source>
        <translation>收件人电话</translation>
    </message>
    <message>
        <source>Courier company</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <source>China Post EMS</source>
        <translation>中国邮政EMS</translation>
    </message>
    <message>
        <source>{field} message</source>
        <translation>{field}提示</translation>
    </message>
    <message>
        <source>Re&amp;cipient</source>
        <translation>收件人(&amp;C)</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>地址(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Co&amp;mpany</source>
        <translation>快递公司(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Tracking no.</source>
        <translation>物流单号(&amp;T)</translation>
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
    <name>CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation>顾客屏</translation>
    </message>
    <message>
        <source>Case {number}</source>
        <translation>办件 {number}</translation>
    </message>
    <message>
        <source>Accepted, promised by {date}</source>
        <translation>已受理，承诺 {date} 前办结</translation>
    </message>
    <message>
        <source>{count} material(s) to bring</source>
        <translation>请补齐 {count} 项材料</translation>
    </message>
    <message>
        <source>Not accepted; the notice says why</source>
        <translation>不予受理，理由见通知书</translation>
    </message>
    <message>
        <source>Result handed over</source>
        <translation>办理结果已交付</translation>
    </message>
    <message>
        <source>Thank you for your rating</source>
        <translation>感谢您的评价</translation>
    </message>
    <message>
        <source>We look forward to serving you again</source>
        <translation>欢迎您再次光临</translation>
    </message>
    <message>
        <source>This rating has ended</source>
        <translation>本次评价已结束</translation>
    </message>
    <message>
        <source>Thank you all the same</source>
        <translation>感谢您的参与</translation>
    </message>
</context>
<context>
    <name>DayPane</name>
    <message>
        <source>Ratings of the day</source>
        <translation>当日评价</translation>
    </message>
    <message>
        <source>Search the ratings</source>
        <translation>搜索评价</translation>
    </message>
    <message>
        <source>Case number, staff, level or words of the comment</source>
        <translation>办件编号、经办人、满意度或评价内容</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Counts of the day</source>
        <translation>当日统计</translation>
    </message>
    <message>
        <source>The rating</source>
        <translation>评价详情</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>default {defaults} · struck {struck} · unrated {unrated}</source>
        <translation>默认 {defaults} · 已撤销 {struck} · 未评价 {unrated}</translation>
    </message>
    <message>
        <source>{count} ratings</source>
        <translation>共 {count} 条评价</translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Accept with gaps</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>Notify what is missing</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <source>Do not accept</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Why not yet</source>
        <translation>暂不能办理的原因</translation>
    </message>
    <message>
        <source> … and {count} more</source>
        <translation>……另有{count}项</translation>
    </message>
    <message>
        <source>{decision} not possible yet: {reasons}</source>
        <translation>暂不能“{decision}”：{reasons}</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Why the decision was refused</source>
        <translation>未能办理的原因</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>DeliveredForm</name>
    <message>
        <source>Courier record</source>
        <translation>邮寄记录</translation>
    </message>
    <message>
        <source>Signed for by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>Signed for by message</source>
        <translation>签收人提示</translation>
    </message>
    <message>
        <source>&amp;Signed by</source>
        <translation>签收人(&amp;S)</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已寄出</translation>
    </message>
    <message>
        <source>{company} {number} · to {recipient} · {at}</source>
        <translation>{company} {number} · 收件人 {recipient} · {at}</translation>
    </message>
</context>
<context>
    <name>DenyDialog</name>
    <message>
        <source>Deny</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <source>The reasons and remedies are printed on the decision (不予许可决定书).</source>
        <translation>理由和救济途径将印在不予许可决定书上。</translation>
    </message>
    <message>
        <source>&amp;Reasons</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;medies</source>
        <translation>救济途径(&amp;M)</translation>
    </message>
</context>
<context>
    <name>DetachFilesDialog</name>
    <message>
        <source>Remove files</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <source>Tick the files to take off “{name}”:</source>
        <translation>勾选要从“{name}”移除的文件：</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>{action} (Enter)</source>
        <translation>{action}（回车）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close without doing it (Esc)</source>
        <translation>关闭，不执行（Esc）</translation>
    </message>
    <message>
        <source>Reason message</source>
        <translation>理由提示</translation>
    </message>
    <message>
        <source>Please write the reason</source>
        <translation>请填写理由</translation>
    </message>
</context>
<context>
    <name>EditAccountDialog</name>
    <message>
        <source>Account {username}</source>
        <translation>账户 {username}</translation>
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
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name message</source>
        <translation>姓名提示</translation>
    </message>
    <message>
        <source>Department message</source>
        <translation>部门提示</translation>
    </message>
    <message>
        <source>Staff number message</source>
        <translation>工号提示</translation>
    </message>
    <message>
        <source>Account message</source>
        <translation>账户提示</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Depar&amp;tment</source>
        <translation>部门(&amp;T)</translation>
    </message>
    <message>
        <source>Staff number (&amp;1)</source>
        <translation>工号(&amp;1)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>EmbeddedPlatform</name>
    <message>
        <source>the installed desk does not include it; use --platform</source>
        <translation>安装版不包含培训平台，请用 --platform 指定平台</translation>
    </message>
    <message>
        <source>it said {line!r} instead of its address</source>
        <translation>输出了 {line!r}，而不是地址</translation>
    </message>
    <message>
        <source>no address within {seconds} seconds</source>
        <translation>{seconds} 秒内未给出地址</translation>
    </message>
    <message>
        <source>Training platform did not start: {error}</source>
        <translation>培训平台未能启动：{error}</translation>
    </message>
    <message>
        <source>Starting the training platform…</source>
        <translation>正在启动培训平台…</translation>
    </message>
</context>
<context>
    <name>Evaluator</name>
    <message>
        <source>Give 4 or 5 keys separated by commas, not {count}</source>
        <translation>请填写 4 个或 5 个按键，用逗号分隔（现为 {count} 个）</translation>
    </message>
    <message>
        <source>“{name}” is not a single key</source>
        <translation>“{name}”不是单个按键</translation>
    </message>
    <message>
        <source>“{name}” is given twice</source>
        <translation>“{name}”重复了</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>Extend the time limit</source>
        <translation>延长审批</translation>
    </message>
    <message>
        <source>Once per case part, by at most {days} working days, approved by the head of the agency; the applicant is told in writing (延长审批告知书).</source>
        <translation>每个审批部分限一次，最多延长 {days} 个工作日，须经本机关负责人批准；将书面告知申请人（延长审批告知书）。</translation>
    </message>
    <message>
        <source>&amp;Working days added</source>
        <translation>延长工作日(&amp;W)</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Approved by</source>
        <translation>批准人(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Basis</source>
        <translation>依据(&amp;B)</translation>
    </message>
</context>
<context>
    <name>FigureTile</name>
    <message>
        <source>{title} against the period before</source>
        <translation>{title}环比</translation>
    </message>
    <message>
        <source>→ unchanged</source>
        <translation>→ 持平</translation>
    </message>
    <message>
        <source>{points} pp</source>
        <translation>{points} 个百分点</translation>
    </message>
    <message>
        <source>{days} working days</source>
        <translation>{days} 个工作日</translation>
    </message>
    <message>
        <source>↑ up {amount}</source>
        <translation>↑ 上升 {amount}</translation>
    </message>
    <message>
        <source>↓ down {amount}</source>
        <translation>↓ 下降 {amount}</translation>
    </message>
    <message>
        <source>vs. before: {change}</source>
        <translation>环比 {change}</translation>
    </message>
    <message>
        <source>Period before: {value}</source>
        <translation>上期：{value}</translation>
    </message>
</context>
<context>
    <name>FollowUpsModel</name>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Rated at</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Rater</source>
        <translation>评价人</translation>
    </message>
</context>
<context>
    <name>FollowUpsPane</name>
    <message>
        <source>Poor ratings to follow up</source>
        <translation>待整改差评</translation>
    </message>
    <message>
        <source>Search the poor ratings</source>
        <translation>搜索差评</translation>
    </message>
    <message>
        <source>Case number, department, staff or state</source>
        <translation>办件编号、部门、经办人或状态</translation>
    </message>
    <message>
        <source>Poor ratings listed</source>
        <translation>差评数量</translation>
    </message>
    <message>
        <source>The poor rating</source>
        <translation>差评详情</translation>
    </message>
    <message>
        <source>Steps taken</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>{total} poor ratings · {open} open · {overdue} overdue</source>
        <translation>共 {total} 条差评 · 待整改 {open} · 已超期 {overdue}</translation>
    </message>
    <message>
        <source>Choose a poor rating in the list to see it here.</source>
        <translation>在左侧列表中选择一条差评，在此查看详情。</translation>
    </message>
    <message>
        <source>No step yet.</source>
        <translation>尚未办理。</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>{contact}, rating no. {seq}, window {window}, {staff}</source>
        <translation>{contact}，第 {seq} 次评价，{window}号窗口，{staff}</translation>
    </message>
    <message>
        <source>Rated at</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>评价理由</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>文字评价</translation>
    </message>
    <message>
        <source>Rater</source>
        <translation>评价人</translation>
    </message>
</context>
<context>
    <name>GapsPage</name>
    <message>
        <source>Statistics messages</source>
        <translation>统计提示</translation>
    </message>
    <message>
        <source>Most requested items</source>
        <translation>办理最多的事项</translation>
    </message>
    <message>
        <source>Searches that found no item</source>
        <translation>未找到事项的搜索</translation>
    </message>
    <message>
        <source>Most re&amp;quested items</source>
        <translation>办理最多的事项(&amp;Q)</translation>
    </message>
    <message>
        <source>Cases received per item in the period, most first.</source>
        <translation>期间内各事项的收件数，从多到少。</translation>
    </message>
    <message>
        <source>&amp;Searches that found no item</source>
        <translation>未找到事项的搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Typed at the windows, no item found: catalog gaps to fix.</source>
        <translation>窗口搜索后未找到事项：需补充的事项目录缺口。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Last searched</source>
        <translation>最近一次</translation>
    </message>
</context>
<context>
    <name>GuidedIntake</name>
    <message>
        <source>What do you want to apply for?</source>
        <translation>您要办理什么事项？</translation>
    </message>
    <message>
        <source>Type the name or its pinyin, Down to choose, Enter to take it.</source>
        <translation>输入事项名称或拼音，按↓选择，按回车确定。</translation>
    </message>
    <message>
        <source>Which of these fits your situation?</source>
        <translation>您属于哪种情形？</translation>
    </message>
    <message>
        <source>Choose one answer for each question.</source>
        <translation>每个问题选一个答案。</translation>
    </message>
    <message>
        <source>Who is applying?</source>
        <translation>申请人是谁？</translation>
    </message>
    <message>
        <source>Your name and ID number as on your ID card.</source>
        <translation>请按身份证填写姓名和证件号码。</translation>
    </message>
    <message>
        <source>Who is helping you today?</source>
        <translation>今天由谁帮您办理？</translation>
    </message>
    <message>
        <source>The staff member beside you, and why you are helped.</source>
        <translation>您身边的工作人员，以及需要帮办的原因。</translation>
    </message>
    <message>
        <source>Which materials did you bring?</source>
        <translation>您带了哪些材料？</translation>
    </message>
    <message>
        <source>Space marks a paper as brought; S scans it.</source>
        <translation>按空格键标记材料已收取；按 S 扫描。</translation>
    </message>
    <message>
        <source>Please check what we filled in</source>
        <translation>请核对填写的内容</translation>
    </message>
    <message>
        <source>If all is right, the staff member takes the decision (F9 accepts).</source>
        <translation>核对无误后，由工作人员作出决定（F9 受理）。</translation>
    </message>
    <message>
        <source>Guided intake step</source>
        <translation>引导式受理步骤</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>How to answer</source>
        <translation>填写说明</translation>
    </message>
    <message>
        <source>No question for this item: go on with F8.</source>
        <translation>本事项无需选择情形，请按 F8 继续。</translation>
    </message>
    <message>
        <source>No situation to choose</source>
        <translation>无需选择情形</translation>
    </message>
    <message>
        <source>Summary of the application</source>
        <translation>申请内容摘要</translation>
    </message>
    <message>
        <source>{key} Back</source>
        <translation>{key} 上一步</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>{key} Next</source>
        <translation>{key} 下一步</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Back to the previous question</source>
        <translation>回到上一个问题</translation>
    </message>
    <message>
        <source>On to the next question</source>
        <translation>进入下一个问题</translation>
    </message>
    <message>
        <source>Read the question aloud</source>
        <translation>朗读问题</translation>
    </message>
    <message>
        <source>Print the checklist</source>
        <translation>打印核对单</translation>
    </message>
    <message>
        <source>Print the checklist for the visitor to check and sign</source>
        <translation>打印核对单供申请人核对签字</translation>
    </message>
    <message>
        <source>Print what was filled in, in large type, for the visitor to check and sign</source>
        <translation>以大字打印填写内容，供申请人核对签字</translation>
    </message>
    <message>
        <source>Step {step} of {steps}</source>
        <translation>第 {step} 步，共 {steps} 步</translation>
    </message>
    <message>
        <source>No item chosen yet: F7 goes back to page 1.</source>
        <translation>尚未选择事项：按 F7 返回第 1 步。</translation>
    </message>
    <message>
        <source>Items: {names}</source>
        <translation>办理事项：{names}</translation>
    </message>
    <message>
        <source>Applicant: {name} {number}</source>
        <translation>申请人：{name} {number}</translation>
    </message>
    <message>
        <source>Helped by: {name} ({reason})</source>
        <translation>帮办人员：{name}（{reason}）</translation>
    </message>
    <message>
        <source>Brought: {names}</source>
        <translation>已带材料：{names}</translation>
    </message>
    <message>
        <source>Still missing: {names}</source>
        <translation>尚缺材料：{names}</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <source>Helped by</source>
        <translation>帮办人员</translation>
    </message>
    <message>
        <source>Brought</source>
        <translation>已带材料</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>尚缺材料</translation>
    </message>
</context>
<context>
    <name>GuidedPage</name>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Step {step} of {steps}</source>
        <translation>第 {step} 步，共 {steps} 步</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已填写的项目</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>填写的内容</translation>
    </message>
</context>
<context>
    <name>HelperPage</name>
    <message>
        <source>Staff member helping</source>
        <translation>帮办人员</translation>
    </message>
    <message>
        <source>Why the visitor is helped</source>
        <translation>帮办原因</translation>
    </message>
    <message>
        <source>&amp;Staff member</source>
        <translation>帮办人员(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>IdlePage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎您</translation>
    </message>
    <message>
        <source>Service centre</source>
        <translation>政务服务中心</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Serving you</source>
        <translation>为您服务的工作人员</translation>
    </message>
    <message>
        <source>Our promises</source>
        <translation>服务承诺</translation>
    </message>
    <message>
        <source>Told once, all at once · At most one trip</source>
        <translation>一次告知 · 最多跑一次</translation>
    </message>
    <message>
        <source>Window {number}</source>
        <translation>{number}号窗口</translation>
    </message>
    <message>
        <source>Serving you: {name} · Staff no. {number}</source>
        <translation>为您服务：{name} · 工号 {number}</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Case look-up · F3 back to intake</source>
        <translation>办件查询 · F3 返回受理</translation>
    </message>
    <message>
        <source>Case look-up</source>
        <translation>办件查询</translation>
    </message>
</context>
<context>
    <name>IntakeWorkspace</name>
    <message>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Materials collected</source>
        <translation>材料收取情况</translation>
    </message>
    <message>
        <source>Material details</source>
        <translation>材料详情</translation>
    </message>
    <message>
        <source>Intake messages</source>
        <translation>受理提示</translation>
    </message>
    <message>
        <source>Ctrl+G Guided</source>
        <translation>Ctrl+G 引导式受理</translation>
    </message>
    <message>
        <source>Guided intake (帮办)</source>
        <translation>引导式受理（帮办）</translation>
    </message>
    <message>
        <source>One question per page in large type, for a visitor who is helped (Ctrl+G)</source>
        <translation>每页一个问题、大字显示，供需要帮办的办事人使用（Ctrl+G）</translation>
    </message>
    <message>
        <source>Unfinished drafts</source>
        <translation>未完成的草稿</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续办理</translation>
    </message>
    <message>
        <source>Continue the draft</source>
        <translation>继续办理草稿</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>Defective material</source>
        <translation>材料不符合要求</translation>
    </message>
    <message>
        <source>What is wrong with “{name}”?</source>
        <translation>材料“{name}”哪里不符合要求？</translation>
    </message>
    <message>
        <source>No earlier case with this number: choose the item</source>
        <translation>此证件号码没有办理记录，请选择事项</translation>
    </message>
    <message>
        <source>Returning applicant {name}: Enter takes the item of the last case</source>
        <translation>再次办理的申请人 {name}：按 Enter 选择上次办理的事项</translation>
    </message>
    <message>
        <source>Materials  {received}/{total} collected</source>
        <translation>材料  已收取 {received}/{total}</translation>
    </message>
    <message>
        <source>Case: new — choose the item the visitor asks for</source>
        <translation>办件：新办件——请选择申请人要办理的事项</translation>
    </message>
    <message>
        <source>Case {number}</source>
        <translation>办件 {number}</translation>
    </message>
    <message>
        <source>Fee {amount} yuan</source>
        <translation>收费 {amount} 元</translation>
    </message>
    <message>
        <source>Applicant {name} {number}</source>
        <translation>申请人 {name} {number}</translation>
    </message>
    <message>
        <source>代办 {number} by {helper}</source>
        <translation>代办 {number}（{helper}）</translation>
    </message>
    <message>
        <source>帮办 by {helper}</source>
        <translation>帮办（{helper}）</translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <source>Due {date}{mark}</source>
        <translation>承诺期限 {date}{mark}</translation>
    </message>
    <message>
        <source>nothing to print yet; take a decision first</source>
        <translation>暂无可打印的文书，请先作出受理决定</translation>
    </message>
    <message>
        <source>choose the item first</source>
        <translation>请先选择事项</translation>
    </message>
    <message>
        <source>this case is decided; F2 starts the next one</source>
        <translation>本办件已办理完毕，按 F2 开始新办件</translation>
    </message>
    <message>
        <source>no item yet</source>
        <translation>尚未选择事项</translation>
    </message>
    <message>
        <source>no applicant yet</source>
        <translation>尚未填写申请人</translation>
    </message>
    <message>
        <source>{count} unfinished draft(s): {what} · {who} · {time}</source>
        <translation>{count}件未完成的草稿：{what} · {who} · {time}</translation>
    </message>
    <message>
        <source>Notify what is missing</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <source>Give the applicant the notice of the {count} material(s) still missing? The case then waits for them to come back.</source>
        <translation>向申请人出具一次性告知书（尚缺 {count} 项材料）？办件将等待申请人补正。</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>出具告知书</translation>
    </message>
    <message>
        <source>Do not accept</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Why is the application not accepted? (printed on the notice)</source>
        <translation>不予受理的理由是什么？（将打印在通知书上）</translation>
    </message>
    <message>
        <source>Window {number}</source>
        <translation>{number}号窗口</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>No printer is set up; saved as PDF: {paths}</source>
        <translation>未设置打印机，已保存为 PDF：{paths}</translation>
    </message>
    <message>
        <source>Printed {count} paper(s)</source>
        <translation>已打印{count}份文书</translation>
    </message>
    <message>
        <source>This case is 代办 {number}; it stays recorded as such.</source>
        <translation>本办件为代办（{number}），帮代办记录不变。</translation>
    </message>
    <message>
        <source>The checklist is printed</source>
        <translation>核对单已打印</translation>
    </message>
</context>
<context>
    <name>ItemChooser</name>
    <message>
        <source>Search items</source>
        <translation>搜索事项</translation>
    </message>
    <message>
        <source>Name, code, pinyin</source>
        <translation>名称、编码、拼音</translation>
    </message>
    <message>
        <source>Name, code or pinyin initials, e.g. spjy</source>
        <translation>名称、编码或拼音首字母，如 spjy</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清空搜索</translation>
    </message>
    <message>
        <source>Frequent items</source>
        <translation>常办事项</translation>
    </message>
    <message>
        <source>Matching items</source>
        <translation>匹配的事项</translation>
    </message>
    <message>
        <source>Items of this case</source>
        <translation>本办件的事项</translation>
    </message>
    <message>
        <source>Delete removes the selected item</source>
        <translation>按 Delete 键移除选中的事项</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>事项(&amp;I)</translation>
    </message>
    <message>
        <source>No item matches</source>
        <translation>没有匹配的事项</translation>
    </message>
    <message>
        <source>This applicant&apos;s last items first, then frequent items</source>
        <translation>此申请人上次办理的事项在前，其后为常办事项</translation>
    </message>
    <message>
        <source>Frequent items, then bundles</source>
        <translation>常办事项与一件事</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>一件事</translation>
    </message>
    <message>
        <source>Type to search the catalog</source>
        <translation>输入文字搜索事项目录</translation>
    </message>
    <message>
        <source>Bundle: {name} ({count} items)</source>
        <translation>一件事：{name}（{count}项）</translation>
    </message>
    <message>
        <source>, taken {count} times</source>
        <translation>，已办理{count}次</translation>
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
    <message>
        <source>Wrong password; try again</source>
        <translation>密码错误，请重新输入</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Comprehensive Window Desk</source>
        <translation>综合窗口工作台</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Sync with the platform now (F5)</source>
        <translation>立即与平台同步（F5）</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>顾客屏</translation>
    </message>
    <message>
        <source>Show or hide the customer display ({key})</source>
        <translation>显示或隐藏顾客屏（{key}）</translation>
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
        <source>Ratings</source>
        <translation>好差评</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Proxy service</source>
        <translation>代办</translation>
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
        <source>Dai&amp;ly report</source>
        <translation>日报(&amp;L)</translation>
    </message>
    <message>
        <source>Customer display: on</source>
        <translation>顾客屏：开</translation>
    </message>
    <message>
        <source>Customer display: off</source>
        <translation>顾客屏：关</translation>
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
    <message>
        <source>Sync problems</source>
        <translation>同步问题</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>上次错误：{error}</translation>
    </message>
    <message>
        <source>Sync problems {count}</source>
        <translation>同步问题 {count}</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>To upload {count}</source>
        <translation>待上传 {count}</translation>
    </message>
    <message>
        <source>Waiting for {users} to sign in</source>
        <translation>等待 {users} 登录</translation>
    </message>
    <message>
        <source>Last sync {time}</source>
        <translation>上次同步 {time}</translation>
    </message>
</context>
<context>
    <name>MaterialCapture</name>
    <message>
        <source>Import files (A)</source>
        <translation>导入文件（A）</translation>
    </message>
    <message>
        <source>Import files for the current material</source>
        <translation>为当前材料导入文件</translation>
    </message>
    <message>
        <source>Scan (S)</source>
        <translation>扫描（S）</translation>
    </message>
    <message>
        <source>Scan pages into the current material</source>
        <translation>将页面扫描到当前材料</translation>
    </message>
    <message>
        <source>Camera (K)</source>
        <translation>高拍仪（K）</translation>
    </message>
    <message>
        <source>Take pages with the document camera</source>
        <translation>用高拍仪拍摄页面</translation>
    </message>
    <message>
        <source>{pages} page(s) / catalog asks {copies}</source>
        <translation>{pages} 页/需 {copies} 份</translation>
    </message>
    <message>
        <source> · {short} more wanted</source>
        <translation> · 差 {short} 页</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>PDF and images ({patterns})</source>
        <translation>PDF 和图片 ({patterns})</translation>
    </message>
    <message>
        <source>No scanner is chosen for this window: choose one in Settings</source>
        <translation>本窗口尚未选择扫描仪：请在“设置”中选择</translation>
    </message>
    <message>
        <source>A scan is under way: wait for it or cancel it (Esc)</source>
        <translation>正在扫描：请等待完成或取消（Esc）</translation>
    </message>
    <message>
        <source>Scan cancelled; {count} page(s) kept in “{name}”</source>
        <translation>已取消扫描；“{name}”保留了 {count} 页</translation>
    </message>
    <message>
        <source>{count} page(s) scanned into “{name}”</source>
        <translation>已将 {count} 页扫描到“{name}”</translation>
    </message>
    <message>
        <source>{name} — page {number}</source>
        <translation>{name} — 第 {number} 页</translation>
    </message>
    <message>
        <source>Nothing to reuse: this applicant has no earlier pages of these materials within the period the catalog allows</source>
        <translation>没有可复用的材料：该申请人以往办件中没有这些材料在目录规定的复用期限内的扫描件</translation>
    </message>
    <message>
        <source>{count} material(s) reused from earlier cases</source>
        <translation>已从以往办件复用 {count} 项材料</translation>
    </message>
</context>
<context>
    <name>MaterialPages</name>
    <message>
        <source>Materials of the case</source>
        <translation>办件材料</translation>
    </message>
    <message>
        <source>Pages of the current material</source>
        <translation>当前材料的页面</translation>
    </message>
    <message>
        <source>Enter: full view</source>
        <translation>回车：查看大图</translation>
    </message>
    <message>
        <source>Pages of the material</source>
        <translation>材料页面</translation>
    </message>
    <message>
        <source>Pages fetched</source>
        <translation>页面下载进度</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>No pages: the material was taken on paper</source>
        <translation>无电子页面：该材料为纸质收取</translation>
    </message>
    <message>
        <source>{count} page(s) are not on this desk; fetching them from the platform</source>
        <translation>有 {count} 页不在本机，正在从中心平台下载</translation>
    </message>
    <message>
        <source>{count} page(s) · Enter: full view</source>
        <translation>共 {count} 页 · 回车：查看大图</translation>
    </message>
    <message>
        <source>Fetching pages: %p%</source>
        <translation>正在下载页面：%p%</translation>
    </message>
    <message>
        <source>{material}, page {number}</source>
        <translation>{material}，第 {number} 页</translation>
    </message>
</context>
<context>
    <name>MaterialsModel</name>
    <message>
        <source>Mark</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>{count} page(s)</source>
        <translation>{count} 页</translation>
    </message>
    <message>
        <source> ×{count}</source>
        <translation>×{count}份</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation>（非必需）</translation>
    </message>
    <message>
        <source>Catalog asks: {form}{copies}</source>
        <translation>目录要求：{form}{copies}</translation>
    </message>
    <message>
        <source>key material</source>
        <translation>关键材料</translation>
    </message>
    <message>
        <source>gap allowed (G)</source>
        <translation>可容缺（G）</translation>
    </message>
    <message>
        <source>promise allowed (P)</source>
        <translation>可告知承诺（P）</translation>
    </message>
    <message>
        <source>no standard in the catalog</source>
        <translation>事项目录中未规定受理标准</translation>
    </message>
    <message>
        <source>Standard: {standard}</source>
        <translation>受理标准：{standard}</translation>
    </message>
    <message>
        <source>Reason: {note}</source>
        <translation>原因：{note}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <source>Files: {names}</source>
        <translation>文件：{names}</translation>
    </message>
</context>
<context>
    <name>MaterialsTable</name>
    <message>
        <source>Materials checklist</source>
        <translation>材料清单</translation>
    </message>
    <message>
        <source>Space: collected · O: original · C: copy · +/-: count · M: missing · G: gap · P: promise · D: defective · A: import files · S: scan · K: camera · Delete: remove files</source>
        <translation>空格：已收取 · O：原件 · C：复印件 · +/-：份数 · M：缺少 · G：容缺 · P：告知承诺 · D：不符合要求 · A：导入文件 · S：扫描 · K：高拍仪 · Delete：移除文件</translation>
    </message>
    <message>
        <source>No file is attached to “{name}”</source>
        <translation>“{name}”没有已导入的文件</translation>
    </message>
    <message>
        <source>Mark “{name}” as collected first (Space, O or C)</source>
        <translation>请先将“{name}”标为已收取（空格、O 或 C）</translation>
    </message>
    <message>
        <source>“{name}” is a key material; it cannot be a gap (容缺)</source>
        <translation>材料“{name}”为关键材料，不能容缺</translation>
    </message>
    <message>
        <source>The catalog does not allow “{name}” as a gap (容缺)</source>
        <translation>事项目录不允许材料“{name}”容缺</translation>
    </message>
    <message>
        <source>The catalog does not allow a promise (承诺) for “{name}”</source>
        <translation>事项目录不允许材料“{name}”适用告知承诺</translation>
    </message>
</context>
<context>
    <name>NewProxyDialog</name>
    <message>
        <source>Matters</source>
        <translation>委托事项</translation>
    </message>
    <message>
        <source>What the applicant wants done, in their words</source>
        <translation>申请人要办理的事项（按申请人的说法填写）</translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>未能新建的原因</translation>
    </message>
    <message>
        <source>&amp;Matters</source>
        <translation>委托事项(&amp;M)</translation>
    </message>
    <message>
        <source>D&amp;ue date</source>
        <translation>承诺办结日期(&amp;U)</translation>
    </message>
    <message>
        <source>Open the proxy service (Ctrl+Enter)</source>
        <translation>新建代办（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>NoticePage</name>
    <message>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Notice text</source>
        <translation>提示内容</translation>
    </message>
</context>
<context>
    <name>OutputActionBar</name>
    <message>
        <source>Take payment</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Payment notice</source>
        <translation>缴款通知书</translation>
    </message>
    <message>
        <source>Hand over, print receipt</source>
        <translation>发放并打印送达回证</translation>
    </message>
    <message>
        <source>Ship, print slip</source>
        <translation>邮寄并打印邮寄单</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Next visitor</source>
        <translation>下一位</translation>
    </message>
    <message>
        <source>Why not yet</source>
        <translation>暂不能办理的原因</translation>
    </message>
    <message>
        <source>{action} not possible: {reasons}</source>
        <translation>暂不能{action}：{reasons}</translation>
    </message>
</context>
<context>
    <name>OutputCaseCard</name>
    <message>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Delivery deadline</source>
        <translation>送达期限</translation>
    </message>
    <message>
        <source>To hand over</source>
        <translation>待发放结果</translation>
    </message>
    <message>
        <source>{number} · {state}</source>
        <translation>{number} · {state}</translation>
    </message>
    <message>
        <source>Applicant {name} {number} · {items}</source>
        <translation>申请人 {name} {number} · {items}</translation>
    </message>
    <message>
        <source>To hand over: {results}</source>
        <translation>待发放：{results}</translation>
    </message>
    <message>
        <source>{department}: decision not to grant (reasons: {reasons})</source>
        <translation>{department}：不予许可决定书（理由：{reasons}）</translation>
    </message>
    <message>
        <source> No. {number}</source>
        <translation>，编号 {number}</translation>
    </message>
    <message>
        <source>, valid until {date}</source>
        <translation>，有效期至 {date}</translation>
    </message>
    <message>
        <source>{department}: {result}</source>
        <translation>{department}：{result}</translation>
    </message>
</context>
<context>
    <name>OutputClock</name>
    <message>
        <source>No delivery deadline (nothing approved)</source>
        <translation>无送达期限（未准予许可）</translation>
    </message>
    <message>
        <source>Deliver by {date} · the legal delivery deadline has passed</source>
        <translation>送达期限 {date} · 已超过法定送达期限</translation>
    </message>
    <message>
        <source>Deliver by {date} · {days} working day(s) left</source>
        <translation>送达期限 {date} · 剩 {days} 个工作日</translation>
    </message>
    <message>
        <source>{date} passed</source>
        <translation>{date} 已超期</translation>
    </message>
</context>
<context>
    <name>OutputResultsModel</name>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Deliver by</source>
        <translation>送达期限</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>{amount} yuan unpaid</source>
        <translation>{amount} 元未缴</translation>
    </message>
    <message>
        <source>Paid / none</source>
        <translation>已缴 / 无</translation>
    </message>
</context>
<context>
    <name>OutputSearch</name>
    <message>
        <source>Find the result to hand over</source>
        <translation>查找待发放的结果</translation>
    </message>
    <message>
        <source>Scan the receipt&apos;s QR code, or type the case number, ID number, name or phone</source>
        <translation>扫描受理通知书二维码，或输入办件编号、证件号码、姓名、电话</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清空搜索</translation>
    </message>
    <message>
        <source>Results ready</source>
        <translation>待取件结果</translation>
    </message>
    <message>
        <source>Number of results found</source>
        <translation>找到的办件数</translation>
    </message>
    <message>
        <source>Nothing ready for pick-up found</source>
        <translation>未找到待取件的办件</translation>
    </message>
    <message>
        <source>{count} result(s) ready</source>
        <translation>{count} 件待取件</translation>
    </message>
</context>
<context>
    <name>OutputWorkspace</name>
    <message>
        <source>Output messages</source>
        <translation>出件提示</translation>
    </message>
    <message>
        <source>At the &amp;window</source>
        <translation>窗口领取(&amp;W)</translation>
    </message>
    <message>
        <source>Hand over at the window</source>
        <translation>窗口领取</translation>
    </message>
    <message>
        <source>By &amp;courier</source>
        <translation>邮寄送达(&amp;C)</translation>
    </message>
    <message>
        <source>Send by courier</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <source>Find the case above: Enter opens it</source>
        <translation>在上方查找办件，按 Enter 打开</translation>
    </message>
    <message>
        <source>How to start</source>
        <translation>操作提示</translation>
    </message>
    <message>
        <source>This case is no longer on this desk</source>
        <translation>本机已没有该办件</translation>
    </message>
    <message>
        <source>find the case first</source>
        <translation>请先查找办件</translation>
    </message>
    <message>
        <source>nothing is due</source>
        <translation>没有待缴费用</translation>
    </message>
    <message>
        <source>the result has left the centre</source>
        <translation>结果已发出</translation>
    </message>
    <message>
        <source>it was not shipped</source>
        <translation>该办件未邮寄</translation>
    </message>
    <message>
        <source>Payment recorded</source>
        <translation>已收费</translation>
    </message>
    <message>
        <source>Done: {number}</source>
        <translation>已办结：{number}</translation>
    </message>
    <message>
        <source>No printer is set up; saved as PDF: {path}</source>
        <translation>未设置打印机，已保存为PDF：{path}</translation>
    </message>
    <message>
        <source>Window {number}</source>
        <translation>{number}号窗口</translation>
    </message>
    <message>
        <source>Import the letter of authorisation</source>
        <translation>导入授权委托书</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>PageViewDialog</name>
    <message>
        <source>Full view help</source>
        <translation>大图查看说明</translation>
    </message>
    <message>
        <source>Crop (C)</source>
        <translation>裁剪（C）</translation>
    </message>
    <message>
        <source>Crop the page</source>
        <translation>裁剪此页</translation>
    </message>
    <message>
        <source>Keep the box (Enter)</source>
        <translation>保留框内部分（回车）</translation>
    </message>
    <message>
        <source>Keep what is inside the box</source>
        <translation>保留框内的部分</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Drag a box over the part to keep, then Enter · Esc: stop cropping</source>
        <translation>拖出要保留的区域，然后按回车 · Esc：停止裁剪</translation>
    </message>
    <message>
        <source>C: crop · Esc: close</source>
        <translation>C：裁剪 · Esc：关闭</translation>
    </message>
</context>
<context>
    <name>PagesModel</name>
    <message>
        <source>Page {number}: {name}</source>
        <translation>第 {number} 页：{name}</translation>
    </message>
</context>
<context>
    <name>PagesPanel</name>
    <message>
        <source>Pages of the material</source>
        <translation>材料页面</translation>
    </message>
    <message>
        <source>Pages of the current material</source>
        <translation>当前材料的页面</translation>
    </message>
    <message>
        <source>R: turn right · Shift+R: turn left · Ctrl+←/→: move · Delete: remove · Enter: full view</source>
        <translation>R：向右旋转 · Shift+R：向左旋转 · Ctrl+←/→：移动 · Delete：删除 · 回车：查看大图</translation>
    </message>
    <message>
        <source>Remove page</source>
        <translation>删除页面</translation>
    </message>
    <message>
        <source>Remove page {number}?</source>
        <translation>删除第 {number} 页？</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
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
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Special procedure</source>
        <translation>特别程序</translation>
    </message>
    <message>
        <source>The time of the special procedure does not count; the applicant is told in writing (特别程序告知书).</source>
        <translation>特别程序所需时间不计入办理时限；将书面告知申请人（特别程序告知书）。</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>种类(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Basis</source>
        <translation>依据(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Working days needed</source>
        <translation>所需工作日(&amp;W)</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>&amp;Approved by</source>
        <translation>批准人(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PaymentForm</name>
    <message>
        <source>Fee and payment state</source>
        <translation>费用及缴费状态</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>缴费方式</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>缴款码</translation>
    </message>
    <message>
        <source>Amount paid (yuan)</source>
        <translation>缴费金额（元）</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>缴款人</translation>
    </message>
    <message>
        <source>Amount message</source>
        <translation>金额提示</translation>
    </message>
    <message>
        <source>Payer message</source>
        <translation>缴款人提示</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>缴费方式(&amp;M)</translation>
    </message>
    <message>
        <source>Amou&amp;nt</source>
        <translation>金额(&amp;N)</translation>
    </message>
    <message>
        <source>Pa&amp;yer</source>
        <translation>缴款人(&amp;Y)</translation>
    </message>
    <message>
        <source>No fee for this case</source>
        <translation>本办件不收费</translation>
    </message>
    <message>
        <source>{fee} yuan, paid: {payments}</source>
        <translation>{fee} 元，已缴：{payments}</translation>
    </message>
    <message>
        <source>{due} yuan due, not paid yet</source>
        <translation>应缴 {due} 元，尚未缴纳</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>payment code</source>
        <translation>缴款码</translation>
    </message>
    <message>
        <source>{amount} yuan by {method} at {time}, No. {number}</source>
        <translation>{amount} 元，{method}，{time}，缴款单号 {number}</translation>
    </message>
    <message>
        <source> (reported by the platform)</source>
        <translation>（平台回传）</translation>
    </message>
    <message>
        <source>The amount due is {due} yuan</source>
        <translation>应缴金额为 {due} 元</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Platform&apos;s reason</source>
        <translation>平台给出的原因</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Applicant&apos;s name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <source>Applicant&apos;s ID number</source>
        <translation>申请人证件号码</translation>
    </message>
    <message>
        <source>Applicant&apos;s phone</source>
        <translation>申请人联系电话</translation>
    </message>
    <message>
        <source>Applicant&apos;s credit code</source>
        <translation>申请人统一社会信用代码</translation>
    </message>
    <message>
        <source>Agent&apos;s name</source>
        <translation>代理人姓名</translation>
    </message>
    <message>
        <source>Agent&apos;s ID number</source>
        <translation>代理人证件号码</translation>
    </message>
    <message>
        <source>Agent&apos;s phone</source>
        <translation>代理人联系电话</translation>
    </message>
    <message>
        <source>Service contact</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Follow-up step of a poor rating</source>
        <translation>差评整改环节</translation>
    </message>
    <message>
        <source>(no number yet)</source>
        <translation>（尚无编号）</translation>
    </message>
    <message>
        <source>{what} (from the platform)</source>
        <translation>{what}（平台传来）</translation>
    </message>
</context>
<context>
    <name>ProxyCallBackDialog</name>
    <message>
        <source>Call the applicant and ask how they found the service.</source>
        <translation>电话回访申请人，了解对代办服务的评价。</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>回访结果(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>回访记录(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ProxyConcludeDialog</name>
    <message>
        <source>Every case of the proxy service has reached its end.</source>
        <translation>代办的办件均已办结。</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>说明(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ProxyDetail</name>
    <message>
        <source>The proxy service</source>
        <translation>代办事项</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>办件(&amp;C)</translation>
    </message>
    <message>
        <source>Cases of the proxy service</source>
        <translation>代办的办件</translation>
    </message>
    <message>
        <source>Enter opens the case in intake</source>
        <translation>回车在受理中打开该办件</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>办理记录(&amp;H)</translation>
    </message>
    <message>
        <source>Steps taken</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Choose a proxy service in the list, or F2 for a new one.</source>
        <translation>请在列表中选择代办，或按 F2 新建代办。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>代办编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Matters</source>
        <translation>委托事项</translation>
    </message>
    <message>
        <source>Proxy staff</source>
        <translation>代办员</translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <source>Authorisation</source>
        <translation>委托书</translation>
    </message>
    <message>
        <source>not yet imported</source>
        <translation>尚未导入</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>End note</source>
        <translation>办结/终止说明</translation>
    </message>
    <message>
        <source>Call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>ProxyModel</name>
    <message>
        <source>Number</source>
        <translation>代办编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Matters</source>
        <translation>委托事项</translation>
    </message>
</context>
<context>
    <name>ProxyPapersDialog</name>
    <message>
        <source>Papers of {number}</source>
        <translation>{number} 的代办文书</translation>
    </message>
    <message>
        <source>&amp;Papers that apply now</source>
        <translation>当前可打印的文书(&amp;P)</translation>
    </message>
    <message>
        <source>Papers that apply now</source>
        <translation>当前可打印的文书</translation>
    </message>
    <message>
        <source>{key} Preview</source>
        <translation>{key} 预览</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Show the chosen paper as it will print</source>
        <translation>按打印效果预览所选文书</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print the chosen paper (Enter)</source>
        <translation>打印所选文书（回车）</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>No printer is set up; saved as PDF: {paths}</source>
        <translation>未设置打印机，已保存为 PDF：{paths}</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
</context>
<context>
    <name>ProxyPauseDialog</name>
    <message>
        <source>The proxy service waits; the applicant gets a pause notice (中止单).</source>
        <translation>代办中止办理，向申请人出具中止单。</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>中止原因(&amp;R)</translation>
    </message>
    <message>
        <source>Resume &amp;on</source>
        <translation>预计恢复日期(&amp;O)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or empty when not known</source>
        <translation>年-月-日，未知可不填</translation>
    </message>
</context>
<context>
    <name>ProxyStepBar</name>
    <message>
        <source>Why not now</source>
        <translation>暂不能办理的原因</translation>
    </message>
    <message>
        <source>{step} not possible now: {reason}</source>
        <translation>暂不能办理“{step}”：{reason}</translation>
    </message>
</context>
<context>
    <name>ProxySteps</name>
    <message>
        <source>New proxy service</source>
        <translation>新建代办</translation>
    </message>
    <message>
        <source>Import authorisation</source>
        <translation>导入委托书</translation>
    </message>
    <message>
        <source>Scan authorisation</source>
        <translation>扫描委托书</translation>
    </message>
    <message>
        <source>Start a case</source>
        <translation>受理办件</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Conclude</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>choose a proxy service in the list first</source>
        <translation>请先在列表中选择代办</translation>
    </message>
    <message>
        <source>only while the proxy service is in progress</source>
        <translation>代办办理中才可进行</translation>
    </message>
    <message>
        <source>the proxy service has ended</source>
        <translation>代办已结束</translation>
    </message>
    <message>
        <source>only a paused proxy service</source>
        <translation>仅中止的代办可恢复</translation>
    </message>
    <message>
        <source>import the signed authorisation first</source>
        <translation>请先导入申请人签字的委托书</translation>
    </message>
    <message>
        <source>call back once it is concluded or terminated</source>
        <translation>代办办结或终止后才可回访</translation>
    </message>
    <message>
        <source>already called back</source>
        <translation>已回访</translation>
    </message>
</context>
<context>
    <name>ProxyTerminateDialog</name>
    <message>
        <source>The proxy service is given up; the reason goes on the termination notice.</source>
        <translation>终止代办，终止原因写入终止单。</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>终止原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ProxyWords</name>
    <message>
        <source>{at} {said} ({by})</source>
        <translation>{at} {said}（{by}）</translation>
    </message>
</context>
<context>
    <name>ProxyWorkspace</name>
    <message>
        <source>Open proxy services</source>
        <translation>未完结的代办</translation>
    </message>
    <message>
        <source>Search the proxy services</source>
        <translation>搜索代办</translation>
    </message>
    <message>
        <source>Number, applicant, matters, state or next step</source>
        <translation>代办编号、申请人、事项、状态或下一步</translation>
    </message>
    <message>
        <source>Proxy services listed</source>
        <translation>列出的代办</translation>
    </message>
    <message>
        <source>{count} proxy service(s) open</source>
        <translation>未完结代办 {count} 件</translation>
    </message>
    <message>
        <source>Opened {number}</source>
        <translation>已新建代办 {number}</translation>
    </message>
    <message>
        <source>Import the signed authorisation</source>
        <translation>导入申请人签字的委托书</translation>
    </message>
    <message>
        <source>Scans ({patterns})</source>
        <translation>扫描件（{patterns}）</translation>
    </message>
    <message>
        <source>Scanning the signed authorisation…</source>
        <translation>正在扫描签字的委托书…</translation>
    </message>
    <message>
        <source>{step}: {error}</source>
        <translation>{step}：{error}</translation>
    </message>
    <message>
        <source>Case started: {items}</source>
        <translation>已受理办件：{items}</translation>
    </message>
    <message>
        <source>{number}: {step} recorded</source>
        <translation>{number}：已{step}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Light</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{left} · deadline {date}</source>
        <translation>{left} · 办结期限 {date}</translation>
    </message>
    <message>
        <source>Taken in at window {number}</source>
        <translation>{number}号窗口收件</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Department</source>
        <translation>审批部门</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>搜索待办</translation>
    </message>
    <message>
        <source>Case number, applicant or item</source>
        <translation>办件编号、申请人或事项</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>All windows</source>
        <translation>全部窗口</translation>
    </message>
    <message>
        <source>Window </source>
        <translation>窗口 </translation>
    </message>
    <message>
        <source>Work queue</source>
        <translation>待办队列</translation>
    </message>
    <message>
        <source>Cases in the queue</source>
        <translation>待办件数</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>审批部门(&amp;D)</translation>
    </message>
    <message>
        <source>This account has no department to review for</source>
        <translation>该账号未设置审批部门</translation>
    </message>
    <message>
        <source>{shown} of {total} cases</source>
        <translation>共 {total} 件，显示 {shown} 件</translation>
    </message>
    <message>
        <source>{total} cases</source>
        <translation>共 {total} 件</translation>
    </message>
</context>
<context>
    <name>RangeBar</name>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>至(&amp;O)</translation>
    </message>
    <message>
        <source>This &amp;week</source>
        <translation>本周(&amp;W)</translation>
    </message>
    <message>
        <source>This &amp;month</source>
        <translation>本月(&amp;M)</translation>
    </message>
    <message>
        <source>This &amp;year</source>
        <translation>本年(&amp;Y)</translation>
    </message>
    <message>
        <source>Show the figures of this period</source>
        <translation>显示该时段的数据</translation>
    </message>
</context>
<context>
    <name>RatingPage</name>
    <message>
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>How satisfied are you with this service?</source>
        <translation>请您对本次服务作出评价</translation>
    </message>
    <message>
        <source>Rating message</source>
        <translation>评价提示</translation>
    </message>
</context>
<context>
    <name>RatingWords</name>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>主动</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>{at} {said} ({by})</source>
        <translation>{at} {said}（{by}）</translation>
    </message>
</context>
<context>
    <name>RatingsModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>服务环节</translation>
    </message>
    <message>
        <source>Rating no.</source>
        <translation>评价次数</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>评价理由</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>文字评价</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Struck</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Rater</source>
        <translation>评价人</translation>
    </message>
</context>
<context>
    <name>RatingsWorkspace</name>
    <message>
        <source>Ratings panes</source>
        <translation>好差评页面</translation>
    </message>
    <message>
        <source>Poor-rating &amp;follow-up</source>
        <translation>差评整改(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Ratings</source>
        <translation>评价(&amp;R)</translation>
    </message>
    <message>
        <source>Ratings messages</source>
        <translation>好差评消息</translation>
    </message>
    <message>
        <source>Ratings (to follow up {open} · overdue {overdue})</source>
        <translation>好差评（待整改 {open} · 已超期 {overdue}）</translation>
    </message>
    <message>
        <source>choose a poor rating in the follow-up list first</source>
        <translation>请先在差评整改列表中选择一条差评</translation>
    </message>
    <message>
        <source>Recorded: {step}</source>
        <translation>已记录：{step}</translation>
    </message>
    <message>
        <source>No step is possible now for this poor rating.</source>
        <translation>该差评目前没有可办理的步骤。</translation>
    </message>
</context>
<context>
    <name>ReadAloudButton</name>
    <message>
        <source>{key} Read aloud</source>
        <translation>{key} 朗读</translation>
    </message>
    <message>
        <source>Read the text aloud ({key})</source>
        <translation>朗读文字（{key}）</translation>
    </message>
</context>
<context>
    <name>ReadingPageView</name>
    <message>
        <source>Esc: close</source>
        <translation>Esc：关闭</translation>
    </message>
</context>
<context>
    <name>ReasonsPage</name>
    <message>
        <source>Your rating</source>
        <translation>您的评价</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>评价理由</translation>
    </message>
    <message>
        <source>Why? Choose any that apply (optional)</source>
        <translation>请选择理由（可多选，选填）</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>其他意见（选填）</translation>
    </message>
    <message>
        <source>Anything else you want to tell us (optional)</source>
        <translation>您还想告诉我们什么？（选填）</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Rating message</source>
        <translation>评价提示</translation>
    </message>
    <message>
        <source>Your rating: {level}</source>
        <translation>您的评价：{level}</translation>
    </message>
    <message>
        <source>At most {most} characters</source>
        <translation>最多 {most} 个字</translation>
    </message>
</context>
<context>
    <name>RectifyDialog</name>
    <message>
        <source>What was put right, and by whom.</source>
        <translation>整改了什么、由谁整改。</translation>
    </message>
    <message>
        <source>&amp;Rectification</source>
        <translation>整改情况(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>The answer the rater gets, in plain words.</source>
        <translation>用平实的语言答复评价人。</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>答复内容(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <source>Print preview of the report</source>
        <translation>日报打印预览</translation>
    </message>
</context>
<context>
    <name>ReportSchedule</name>
    <message>
        <source>Daily report {day} made in {folder}</source>
        <translation>日报 {day} 已生成，保存在 {folder}</translation>
    </message>
    <message>
        <source>The daily report could not be made: {error}</source>
        <translation>日报未能生成：{error}</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Committed deadline</source>
        <translation>承诺期限</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Enter Print</source>
        <translation>Enter 打印</translation>
    </message>
    <message>
        <source>Print the papers</source>
        <translation>打印文书</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Preview the papers</source>
        <translation>预览文书</translation>
    </message>
    <message>
        <source>F2 Next case</source>
        <translation>F2 新办件</translation>
    </message>
    <message>
        <source>Next case</source>
        <translation>新办件</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <source>Resume</source>
        <translation>恢复审批</translation>
    </message>
    <message>
        <source>&amp;Result of the procedure</source>
        <translation>特别程序结果(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReuseBar</name>
    <message>
        <source>Materials to reuse</source>
        <translation>可复用的材料</translation>
    </message>
    <message>
        <source>Reuse (U)</source>
        <translation>复用材料（U）</translation>
    </message>
    <message>
        <source>Reuse pages from the applicant&apos;s earlier cases</source>
        <translation>复用该申请人以往办件中的材料</translation>
    </message>
    <message>
        <source>Reusable from earlier cases: {names}</source>
        <translation>以往办件中可复用：{names}</translation>
    </message>
</context>
<context>
    <name>ReuseDialog</name>
    <message>
        <source>Reuse materials</source>
        <translation>复用材料</translation>
    </message>
    <message>
        <source>These pages were captured for the same applicant in an earlier case. Check each against what the visitor shows; untick any that changed.</source>
        <translation>以下材料是该申请人以往办件中扫描的。请与申请人出示的原件逐一核对，有变化的请取消勾选。</translation>
    </message>
    <message>
        <source>{name} — case {case}, captured {day}, {pages} page(s)</source>
        <translation>{name} — 办件 {case}，{day} 采集，共 {pages} 页</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>复用</translation>
    </message>
</context>
<context>
    <name>ReviewClock</name>
    <message>
        <source>approved</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <source>Decided {date}: {outcome}</source>
        <translation>{date} 已办结：{outcome}</translation>
    </message>
    <message>
        <source>Special procedure ({kind}) since {date}: stood still {days} working day(s) so far, {expected} expected</source>
        <translation>特别程序（{kind}）自 {date} 起，已停 {days} 个工作日，预计 {expected} 个工作日；时限暂停计算</translation>
    </message>
    <message>
        <source>{left} ({level})</source>
        <translation>{left}（{level}）</translation>
    </message>
    <message>
        <source>special procedures stood still {days} working day(s)</source>
        <translation>特别程序共停 {days} 个工作日</translation>
    </message>
    <message>
        <source>extended by {days} working day(s)</source>
        <translation>已延长 {days} 个工作日</translation>
    </message>
</context>
<context>
    <name>ReviewDecisionBar</name>
    <message>
        <source>Special procedure</source>
        <translation>特别程序</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复审批</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>延长审批</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <source>Result made</source>
        <translation>制证完成</translation>
    </message>
    <message>
        <source>Supplement</source>
        <translation>补正</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation>打印告知书</translation>
    </message>
    <message>
        <source>Why not now</source>
        <translation>暂不能办理的原因</translation>
    </message>
    <message>
        <source> … and {count} more</source>
        <translation> … 另有 {count} 项</translation>
    </message>
    <message>
        <source>{decision} not possible now: {reasons}</source>
        <translation>暂不能{decision}：{reasons}</translation>
    </message>
</context>
<context>
    <name>ReviewLevels</name>
    <message>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>overdue {days} working day(s)</source>
        <translation>超期 {days} 个工作日</translation>
    </message>
    <message>
        <source>{days} working day(s) left</source>
        <translation>剩 {days} 个工作日</translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <source>Review messages</source>
        <translation>审批提示</translation>
    </message>
    <message>
        <source>Review (to do {total} · due soon {soon} · overdue {overdue})</source>
        <translation>审批（待办 {total} · 即将到期 {soon} · 已超期 {overdue}）</translation>
    </message>
    <message>
        <source>choose a case in the queue first</source>
        <translation>请先在待办中选择办件</translation>
    </message>
    <message>
        <source>nothing to print yet; take a decision</source>
        <translation>尚无可打印的告知书，请先作出决定</translation>
    </message>
    <message>
        <source>Resumed today, the special procedure stood still {days} working day(s); the deadline moves to {date}.</source>
        <translation>今日恢复审批：特别程序共停 {days} 个工作日，办结期限顺延至 {date}。</translation>
    </message>
    <message>
        <source>Result made</source>
        <translation>制证完成</translation>
    </message>
    <message>
        <source>The result is made and waits at the window for the applicant?</source>
        <translation>结果已制作完成，送综合窗口待申请人领取？</translation>
    </message>
    <message>
        <source>Done: {decision}</source>
        <translation>已办理：{decision}</translation>
    </message>
    <message>
        <source>Window {number}</source>
        <translation>{number}号窗口</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>No printer is set up; saved as PDF: {paths}</source>
        <translation>未设置打印机，已保存为 PDF：{paths}</translation>
    </message>
    <message>
        <source>Printed {count} paper(s)</source>
        <translation>已打印 {count} 份文书</translation>
    </message>
</context>
<context>
    <name>ScanStrip</name>
    <message>
        <source>Scanning progress</source>
        <translation>扫描进度</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Cancel the scan</source>
        <translation>取消扫描</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message>
        <source>Cancelling after the page under way…</source>
        <translation>正在取消，当前页完成后停止…</translation>
    </message>
    <message>
        <source>Scanning page {number}…</source>
        <translation>正在扫描第 {number} 页…</translation>
    </message>
</context>
<context>
    <name>SearchTable</name>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
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
    <name>Session</name>
    <message>
        <source>Not done</source>
        <translation>未能完成</translation>
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
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>High-contrast theme</source>
        <translation>高对比度主题</translation>
    </message>
    <message>
        <source>Black text on white with strong focus rings, for every window of this desk</source>
        <translation>白底黑字、醒目的焦点框，用于本机的所有窗口</translation>
    </message>
    <message>
        <source>Guided intake</source>
        <translation>默认引导式受理（帮办）</translation>
    </message>
    <message>
        <source>Start each intake guided (assisted service)</source>
        <translation>每次受理默认使用引导式（帮办）</translation>
    </message>
    <message>
        <source>One question per page in large type, for visitors who need help</source>
        <translation>每页一个问题、大字显示，便于需要帮助的办事群众</translation>
    </message>
    <message>
        <source>Central platform address</source>
        <translation>中心平台地址</translation>
    </message>
    <message>
        <source>empty: this run syncs with {url}</source>
        <translation>留空：本次运行与 {url} 同步</translation>
    </message>
    <message>
        <source>empty: work on its own</source>
        <translation>留空：单机工作</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>empty: the system&apos;s certificates</source>
        <translation>留空：使用系统证书</translation>
    </message>
    <message>
        <source>Allow unencrypted http:// to another computer</source>
        <translation>允许以未加密的 http:// 连接其他计算机</translation>
    </message>
    <message>
        <source>Sync every (seconds)</source>
        <translation>同步间隔（秒）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Enquiry phone printed on papers</source>
        <translation>文书上打印的咨询电话</translation>
    </message>
    <message>
        <source>Administrative review body printed on refusals</source>
        <translation>不予受理通知书上的行政复议机关</translation>
    </message>
    <message>
        <source>empty: the people&apos;s government named in the centre&apos;s name</source>
        <translation>留空：按中心名称中的地区取本级人民政府</translation>
    </message>
    <message>
        <source>Progress page of the platform, {case_no} for the number</source>
        <translation>平台办件进度页面地址，{case_no}代表办件编号</translation>
    </message>
    <message>
        <source>empty: the QR code holds the case number</source>
        <translation>留空：二维码内容为办件编号</translation>
    </message>
    <message>
        <source>Working days to supply gaps</source>
        <translation>容缺材料补齐期限（工作日）</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Working days left when due soon</source>
        <translation>剩余工作日少于此数时提示即将到期</translation>
    </message>
    <message>
        <source>This window&apos;s scanner</source>
        <translation>本窗口的扫描仪</translation>
    </message>
    <message>
        <source>Scan resolution</source>
        <translation>扫描分辨率</translation>
    </message>
    <message>
        <source>{dpi} dpi</source>
        <translation>{dpi} dpi</translation>
    </message>
    <message>
        <source>Scan colour</source>
        <translation>扫描色彩</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>black and white</source>
        <translation>黑白</translation>
    </message>
    <message>
        <source>Paper source</source>
        <translation>纸张来源</translation>
    </message>
    <message>
        <source>flatbed</source>
        <translation>平板</translation>
    </message>
    <message>
        <source>feeder</source>
        <translation>自动进纸器</translation>
    </message>
    <message>
        <source>feeder, both sides</source>
        <translation>自动进纸器（双面）</translation>
    </message>
    <message>
        <source>Idle loc&amp;k</source>
        <translation>空闲锁定(&amp;K)</translation>
    </message>
    <message>
        <source>Te&amp;xt size</source>
        <translation>字号(&amp;X)</translation>
    </message>
    <message>
        <source>Platfor&amp;m</source>
        <translation>中心平台(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;CA file</source>
        <translation>CA 证书(&amp;C)</translation>
    </message>
    <message>
        <source>Due-soon days (&amp;J)</source>
        <translation>到期预警(&amp;J)</translation>
    </message>
    <message>
        <source>Paper &amp;feed</source>
        <translation>纸张来源(&amp;F)</translation>
    </message>
    <message>
        <source>Language and the platform address take effect the next time the desk starts; text size and contrast at once.</source>
        <translation>界面语言和中心平台地址下次启动时生效；字号和对比度保存后立即生效。</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>界面语言(&amp;G)</translation>
    </message>
    <message>
        <source>Time the daily report is made by itself (HH:MM, empty: never)</source>
        <translation>日报自动生成时间（HH:MM，留空则不生成）</translation>
    </message>
    <message>
        <source>HH:MM, e.g. 18:30; empty: never</source>
        <translation>如 18:30；留空不生成</translation>
    </message>
    <message>
        <source>After this time each day the day&apos;s report is saved in the data folder</source>
        <translation>每天过了这个时间，当天的日报（Excel 和 PDF）自动保存到数据目录的 reports 文件夹</translation>
    </message>
    <message>
        <source>S&amp;ync every</source>
        <translation>同步间隔(&amp;Y)</translation>
    </message>
    <message>
        <source>Enquiry p&amp;hone</source>
        <translation>咨询电话(&amp;H)</translation>
    </message>
    <message>
        <source>Review &amp;body</source>
        <translation>复议机关(&amp;B)</translation>
    </message>
    <message>
        <source>Progress &amp;query URL</source>
        <translation>进度查询网址(&amp;Q)</translation>
    </message>
    <message>
        <source>Gap days (&amp;Z)</source>
        <translation>容缺补齐天数(&amp;Z)</translation>
    </message>
    <message>
        <source>Daily report at</source>
        <translation>日报生成时间</translation>
    </message>
    <message>
        <source>&amp;Scanner</source>
        <translation>扫描仪(&amp;S)</translation>
    </message>
    <message>
        <source>Resolut&amp;ion</source>
        <translation>分辨率(&amp;I)</translation>
    </message>
    <message>
        <source>C&amp;olour</source>
        <translation>色彩(&amp;O)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>保存(&amp;V)</translation>
    </message>
    <message>
        <source>Settings message</source>
        <translation>设置提示</translation>
    </message>
    <message>
        <source>Screen of the customer display</source>
        <translation>顾客屏所在的显示器</translation>
    </message>
    <message>
        <source>Keys of the rating device, best level first</source>
        <translation>评价器按键（从“非常满意”起）</translation>
    </message>
    <message>
        <source>4 or 5 key names separated by commas, best level first</source>
        <translation>4 个或 5 个按键名称，用逗号分隔，从“非常满意”起</translation>
    </message>
    <message>
        <source>Problem with the rating keys</source>
        <translation>评价器按键的问题</translation>
    </message>
    <message>
        <source>Seconds the display waits for a rating</source>
        <translation>顾客屏等待评价的秒数</translation>
    </message>
    <message>
        <source>Working days to answer a poor rating</source>
        <translation>差评整改答复的工作日数</translation>
    </message>
    <message>
        <source>The platform&apos;s rating codes</source>
        <translation>平台的评价等级编码</translation>
    </message>
    <message>
        <source>national: 1 = very satisfied</source>
        <translation>国标：1 = 非常满意</translation>
    </message>
    <message>
        <source>reversed: 1 = very dissatisfied</source>
        <translation>反向：1 = 非常不满意</translation>
    </message>
    <message>
        <source>Customer display and ratings</source>
        <translation>顾客屏与好差评</translation>
    </message>
    <message>
        <source>Customer scr&amp;een</source>
        <translation>顾客屏(&amp;E)</translation>
    </message>
    <message>
        <source>Rating keys</source>
        <translation>评价器按键</translation>
    </message>
    <message>
        <source>Rating codes</source>
        <translation>评价编码</translation>
    </message>
    <message>
        <source>Rating wait</source>
        <translation>评价等待</translation>
    </message>
    <message>
        <source>Poor rating days</source>
        <translation>差评整改期限</translation>
    </message>
    <message>
        <source>movable window</source>
        <translation>可移动窗口</translation>
    </message>
    <message>
        <source>{name} ({width}×{height})</source>
        <translation>{name}（{width}×{height}）</translation>
    </message>
    <message>
        <source>{name} (not connected now)</source>
        <translation>{name}（当前未连接）</translation>
    </message>
    <message>
        <source>Looking for scanners…</source>
        <translation>正在查找扫描仪…</translation>
    </message>
    <message>
        <source>none (import files only)</source>
        <translation>无（仅导入文件）</translation>
    </message>
    <message>
        <source>{name} (not found now)</source>
        <translation>{name}（当前未找到）</translation>
    </message>
    <message>
        <source>Demo scanner {number} (SANE test device)</source>
        <translation>演示扫描仪 {number}（SANE 测试设备）</translation>
    </message>
    <message>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Not saved: the rating keys cannot be used</source>
        <translation>未保存：评价器按键设置有误</translation>
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
    <name>SituationsPanel</name>
    <message>
        <source>Situation</source>
        <translation>情形</translation>
    </message>
</context>
<context>
    <name>StatsWorkspace</name>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Statistics pages</source>
        <translation>统计页面</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今日(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;rends</source>
        <translation>趋势(&amp;R)</translation>
    </message>
    <message>
        <source>Items and &amp;gaps</source>
        <translation>事项与缺口(&amp;G)</translation>
    </message>
    <message>
        <source>Loading the statistics…</source>
        <translation>正在载入统计…</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <source>Why not now</source>
        <translation>暂不能办理的原因</translation>
    </message>
    <message>
        <source>{step} not possible now: {reason}</source>
        <translation>暂不能办理“{step}”：{reason}</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Report day or first day</source>
        <translation>报表日期或起始日期</translation>
    </message>
    <message>
        <source>Last day of the report</source>
        <translation>报表截止日期</translation>
    </message>
    <message>
        <source>&amp;One day</source>
        <translation>单日(&amp;O)</translation>
    </message>
    <message>
        <source>One day</source>
        <translation>单日</translation>
    </message>
    <message>
        <source>&amp;Make report</source>
        <translation>生成(&amp;M)</translation>
    </message>
    <message>
        <source>Generate the report</source>
        <translation>生成报表</translation>
    </message>
    <message>
        <source>Breakdown shown in the table</source>
        <translation>表格的分组方式</translation>
    </message>
    <message>
        <source>Report figures</source>
        <translation>报表数据</translation>
    </message>
    <message>
        <source>Report shown</source>
        <translation>当前报表</translation>
    </message>
    <message>
        <source>Overdue and idle</source>
        <translation>超期与无业务部门</translation>
    </message>
    <message>
        <source>Print pre&amp;view</source>
        <translation>打印预览(&amp;V)</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Save E&amp;xcel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>Save as Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Save PD&amp;F…</source>
        <translation>导出 PDF(&amp;F)…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Save &amp;JSON…</source>
        <translation>导出 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Save as JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>正在处理</translation>
    </message>
    <message>
        <source>Report message</source>
        <translation>报表提示</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>至(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Breakdown</source>
        <translation>分组(&amp;B)</translation>
    </message>
    <message>
        <source>The dates changed: generate the report for them</source>
        <translation>日期已更改：请为新日期生成报表</translation>
    </message>
    <message>
        <source>Generating the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>Generated at {time} by {name}</source>
        <translation>{name} 于 {time} 生成</translation>
    </message>
    <message>
        <source>Overdue and not concluded: {count}</source>
        <translation>超期未办结：{count} 件</translation>
    </message>
    <message>
        <source>Departments with no business: {names}</source>
        <translation>无业务的部门：{names}</translation>
    </message>
    <message>
        <source>Save the report as Excel</source>
        <translation>将报表导出为 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>将报表导出为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the report as JSON</source>
        <translation>将报表导出为 JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Saving {path}…</source>
        <translation>正在保存 {path}…</translation>
    </message>
    <message>
        <source>Saved: {paths}</source>
        <translation>已保存：{paths}</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>No printer is set up; saved as PDF: {path}</source>
        <translation>未设置打印机，已保存为 PDF：{path}</translation>
    </message>
    <message>
        <source>Sent to the printer</source>
        <translation>已发送到打印机</translation>
    </message>
</context>
<context>
    <name>SupplementDeadlineDialog</name>
    <message>
        <source>Accept with gaps</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>Supply the missing materials by (at the latest {committed}):</source>
        <translation>补齐材料的期限（最迟{committed}）：</translation>
    </message>
    <message>
        <source>Supplement deadline</source>
        <translation>补齐材料期限</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <source>Request a supplement</source>
        <translation>要求补正</translation>
    </message>
    <message>
        <source>The case goes back to the window; the applicant is told what to bring (补正通知书).</source>
        <translation>办件退回综合窗口，书面告知申请人需补正的材料（补正通知书）。</translation>
    </message>
    <message>
        <source>&amp;Materials</source>
        <translation>补正材料(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Basis</source>
        <translation>依据(&amp;B)</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Platform sign-in failed: {error}</source>
        <translation>平台登录失败：{error}</translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <source>Sync problems</source>
        <translation>同步问题</translation>
    </message>
    <message>
        <source>Refused items</source>
        <translation>被拒绝的条目</translation>
    </message>
    <message>
        <source>Nothing was refused: every item reached the platform or waits.</source>
        <translation>没有被拒绝的条目：所有内容均已上传或正在等待上传。</translation>
    </message>
    <message>
        <source>No sync problems</source>
        <translation>没有同步问题</translation>
    </message>
    <message>
        <source>Platform&apos;s reason</source>
        <translation>平台给出的原因</translation>
    </message>
    <message>
        <source>Sync problems message</source>
        <translation>同步问题提示</translation>
    </message>
    <message>
        <source>Fix and resend (Enter)</source>
        <translation>修改并重新上传（Enter）</translation>
    </message>
    <message>
        <source>Fix and resend</source>
        <translation>修改并重新上传</translation>
    </message>
    <message>
        <source>Send the corrected case to the platform again (Enter)</source>
        <translation>把修改后的办件重新上传平台（回车）</translation>
    </message>
    <message>
        <source>Discard… (Del)</source>
        <translation>放弃…（Del）</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Give up this change, after saying why (Del)</source>
        <translation>放弃这项变更，需说明理由（Del）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the list; the problems stay until fixed (Esc)</source>
        <translation>关闭列表，问题保留到处理为止（Esc）</translation>
    </message>
    <message>
        <source>Try again (Enter)</source>
        <translation>重试（Enter）</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Send again (Enter)</source>
        <translation>重新上传（Enter）</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新上传</translation>
    </message>
    <message>
        <source>Fetch again (Enter)</source>
        <translation>重新获取（Enter）</translation>
    </message>
    <message>
        <source>Fetch again</source>
        <translation>重新获取</translation>
    </message>
    <message>
        <source>{what} of case {case_no} from the platform not applied: {reason}</source>
        <translation>平台传来的办件{case_no}的“{what}”未予采用：{reason}</translation>
    </message>
    <message>
        <source>{what} of case {case_no} refused ({code}): {reason}</source>
        <translation>办件 {case_no} 的“{what}”被平台拒绝（{code}）：{reason}</translation>
    </message>
    <message>
        <source>It cannot be changed. Send it again once the cause is put right, or discard it: it then stays on this desk and never reaches the platform.</source>
        <translation>该项不能修改。请在原因消除后重新发送，或放弃：放弃后它仍保留在本窗口，但不会上传到平台。</translation>
    </message>
    <message>
        <source>Why is this change from the platform not applied? The reason is recorded.</source>
        <translation>为什么不采用平台传来的这项变更？理由将被记录。</translation>
    </message>
    <message>
        <source>Why is this item not sent to the platform? It stays on this desk as it is (ratings cannot be changed) and is not counted by the platform. The reason is recorded.</source>
        <translation>为什么不把这一项上传到平台？它将原样保留在本窗口（评价不能修改），平台不会统计它。放弃原因将被记录。</translation>
    </message>
    <message>
        <source>Why is this item not sent to the platform? The reason is recorded.</source>
        <translation>为什么不再上传此条目？原因将被记录。</translation>
    </message>
</context>
<context>
    <name>TerminateDialog</name>
    <message>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>The case is closed for good; write why.</source>
        <translation>办件将终止办理，请写明理由。</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Statistics messages</source>
        <translation>统计提示</translation>
    </message>
    <message>
        <source>Ope&amp;n</source>
        <translation>未办结(&amp;N)</translation>
    </message>
    <message>
        <source>Due &amp;soon</source>
        <translation>即将超期(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Overdue</source>
        <translation>已超期(&amp;O)</translation>
    </message>
    <message>
        <source>Cases received per hour</source>
        <translation>每小时收件</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Cases (件)</source>
        <translation>件数（件）</translation>
    </message>
    <message>
        <source>Intake decisions</source>
        <translation>受理结果</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>受理结果</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Ratings by level</source>
        <translation>评价等级分布</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>评价等级</translation>
    </message>
    <message>
        <source>Contacts (次)</source>
        <translation>服务次数（次）</translation>
    </message>
    <message>
        <source>Service contacts</source>
        <translation>服务次数</translation>
    </message>
    <message>
        <source>Break down by</source>
        <translation>分组方式</translation>
    </message>
    <message>
        <source>Today&apos;s figures by group</source>
        <translation>今日分组统计</translation>
    </message>
    <message>
        <source>List these cases</source>
        <translation>列出这些办件</translation>
    </message>
    <message>
        <source>Poor ratings to follow up</source>
        <translation>待整改差评</translation>
    </message>
    <message>
        <source>&amp;By</source>
        <translation>分组(&amp;B)</translation>
    </message>
    <message>
        <source>Today {day} · updated {time}</source>
        <translation>今日 {day} · 更新于 {time}</translation>
    </message>
    <message>
        <source>{hour}h</source>
        <translation>{hour}时</translation>
    </message>
    <message>
        <source>Overdue cases: {count}</source>
        <translation>已超期办件：{count} 件</translation>
    </message>
    <message>
        <source>Open cases: {count}</source>
        <translation>未办结办件：{count} 件</translation>
    </message>
    <message>
        <source>Cases due soon: {count}</source>
        <translation>即将超期办件：{count} 件</translation>
    </message>
</context>
<context>
    <name>TrendsPage</name>
    <message>
        <source>Statistics messages</source>
        <translation>统计提示</translation>
    </message>
    <message>
        <source>Cases (件)</source>
        <translation>件数（件）</translation>
    </message>
    <message>
        <source>Cases per day</source>
        <translation>每日办件量</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Cases per month</source>
        <translation>每月办件量</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Completion and satisfaction rates per day</source>
        <translation>每日办结率与满意率</translation>
    </message>
    <message>
        <source>Rate (%)</source>
        <translation>比率（%）</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Call the rater back and say what the poor rating was found to be.</source>
        <translation>回访评价人，核实该差评属实、合理还是恶意。</translation>
    </message>
    <message>
        <source>&amp;Finding</source>
        <translation>核实结论(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>核实情况(&amp;N)</translation>
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
        <source>{path} unpacks to {size} MB, over the {limit} MB limit of a catalog workbook; remove unneeded sheets and content</source>
        <translation>{path} 解压后有 {size} MB，超过事项目录工作簿 {limit} MB 的上限；请删去不需要的工作表和内容</translation>
    </message>
    <message>
        <source>{path}: its part {part} is compressed more than {limit} times, which no real workbook is; save it again from Excel or WPS</source>
        <translation>{path}：其中的 {part} 压缩比超过 {limit} 倍，不是正常的工作簿；请在 Excel 或 WPS 中重新保存</translation>
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
        <source>the number has {digits} digits, far over any limit</source>
        <translation>该数字有 {digits} 位，远超上限</translation>
    </message>
    <message>
        <source>this cell holds a formula ({formula}) whose result was not saved in the file; copy the column and paste it back as values (选择性粘贴 → 数值), then save</source>
        <translation>此单元格是公式（{formula}），文件中没有保存其计算结果；请复制该列，用“选择性粘贴 → 数值”粘贴回去后保存</translation>
    </message>
    <message>
        <source>this sheet has more than {most} rows; remove the rows that are not catalog data</source>
        <translation>此工作表超过 {most} 行；请删去不属于事项目录的行</translation>
    </message>
    <message>
        <source>this sheet holds content no spreadsheet program writes (such as a number thousands of digits long); save the file again from Excel or WPS</source>
        <translation>此工作表中有电子表格软件不会写入的内容（例如长达数千位的数字）；请在 Excel 或 WPS 中重新保存该文件</translation>
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
        <source>The desk&apos;s data cannot be written ({error}): free disk space or check the data folder&apos;s permissions, then run the command again</source>
        <translation>数据无法写入（{error}）：请释放磁盘空间或检查数据目录的权限，然后重新运行该命令</translation>
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
        <source>{kept} 一件事 bundle(s) kept; {dropped} dropped because an item of theirs is no longer in the catalog</source>
        <translation>保留了{kept}个“一件事”；{dropped}个因所含事项已不在目录中而删除</translation>
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
        <source>Staff number</source>
        <translation>工号</translation>
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
        <source>Changed account {username}</source>
        <translation>已修改账户 {username}</translation>
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
        <source>production</source>
        <translation>正式</translation>
    </message>
    <message>
        <source>demo / training</source>
        <translation>演示/培训</translation>
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
        <source>Listing scanners took longer than {seconds} s: a scanner backend is waiting for a device that does not answer</source>
        <translation>查找扫描仪超过 {seconds} 秒：某个扫描仪驱动在等待一台没有应答的设备</translation>
    </message>
    <message>
        <source>Check with scanimage -L; comment out unused backends (e.g. net) in /etc/sane.d/dll.conf</source>
        <translation>用 scanimage -L 检查；在 /etc/sane.d/dll.conf 中注释掉不用的驱动（如 net）</translation>
    </message>
    <message>
        <source>Listing scanners failed: {error}</source>
        <translation>列出扫描仪失败：{error}</translation>
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
        <source>This window&apos;s scanner {device} is not connected; found: {found}</source>
        <translation>本窗口的扫描仪 {device} 未连接；找到的扫描仪：{found}</translation>
    </message>
    <message>
        <source>Connect and switch on the scanner, or choose another in Settings</source>
        <translation>请连接并打开扫描仪，或在“设置”中另选一台</translation>
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
        <source>Demo mode: this installed desk does not include the training platform; the desk works on its own</source>
        <translation>演示模式：此安装版工作台不含训练平台；工作台独立运行</translation>
    </message>
    <message>
        <source>Give a platform with --platform URL</source>
        <translation>用 --platform 网址 指定一个平台</translation>
    </message>
    <message>
        <source>Demo mode: the training platform cannot start, {modules} missing; the desk works on its own</source>
        <translation>演示模式：训练平台无法启动，缺少 {modules}；工作台独立运行</translation>
    </message>
    <message>
        <source>Demo mode: the window starts the training platform on this machine, with its data in {path}</source>
        <translation>演示模式：窗口启动时在本机启动训练平台，数据保存在 {path}</translation>
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
        <source>No CUPS client (lpstat): printing to PDF only</source>
        <translation>未安装 CUPS 客户端（lpstat）：只能打印为 PDF</translation>
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
        <source>write the fee in yuan with two decimals, e.g. 80.00 (0.00 when there is no fee), not {value!r}</source>
        <translation>收费金额应按元填写并保留两位小数，例如 80.00（不收费填 0.00），而不是 {value!r}</translation>
    </message>
    <message>
        <source>the fee is {fee} yuan, so the item must be marked as charging a fee; with no fee write 0.00</source>
        <translation>收费金额为 {fee} 元，“是否收费”应填“是”；不收费时金额填 0.00</translation>
    </message>
    <message>
        <source>code {code} is already an item&apos;s basic code</source>
        <translation>编码{code}已被某个事项的基本编码使用</translation>
    </message>
    <message>
        <source>code {code} is used by another bundle</source>
        <translation>编码{code}已被另一个“一件事”使用</translation>
    </message>
    <message>
        <source>a bundle needs at least two different items</source>
        <translation>“一件事”至少要包含两个不同的事项</translation>
    </message>
    <message>
        <source>items listed twice: {codes}</source>
        <translation>事项重复列出：{codes}</translation>
    </message>
    <message>
        <source>the catalog has no item with basic code {codes}</source>
        <translation>目录中没有基本编码为{codes}的事项</translation>
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
        <source>must be a whole number from 0 to {most}, not {value}</source>
        <translation>须为 0 到 {most} 之间的整数，而不是 {value}</translation>
    </message>
    <message>
        <source>is {length} characters long; at most {most} are allowed</source>
        <translation>长 {length} 个字符，最多允许 {most} 个字符</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be created ({error}); choose a folder you can write with --data-dir</source>
        <translation>无法创建数据目录 {path}（{error}）；请用 --data-dir 选择有写入权限的文件夹</translation>
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
        <source>Password must have at most {n} characters</source>
        <translation>密码最多 {n} 个字符</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name</source>
        <translation>请输入姓名</translation>
    </message>
    <message>
        <source>The name must have at most {n} characters</source>
        <translation>姓名最多 {n} 个字符</translation>
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
        <source>The staff number must have at most {n} characters</source>
        <translation>工号最多 {n} 个字符</translation>
    </message>
    <message>
        <source>The staff number may not contain spaces</source>
        <translation>工号不能含空格</translation>
    </message>
    <message>
        <source>Staff number {staff_no} is already {name}&apos;s</source>
        <translation>工号 {staff_no} 已是{name}的工号</translation>
    </message>
    <message>
        <source>User name must have at most {n} characters</source>
        <translation>用户名最多 {n} 个字符</translation>
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
        <source>The daily report time “{value}” is not a time: write it as HH:MM (e.g. 18:30), or leave it empty to make no report by itself</source>
        <translation>日报自动生成时间“{value}”无效：请按 HH:MM 填写（如 18:30），留空则不自动生成</translation>
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
        <source>nested too deep or a number too long</source>
        <translation>嵌套层数过多或数字过长</translation>
    </message>
    <message>
        <source>settings_version must be a positive whole number, not {value}; fix or remove the settings file</source>
        <translation>settings_version 须为正整数，而不是 {value}；请修正或删除设置文件</translation>
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
    <message>
        <source>Replaced the calendar of {year} with {path}: {holidays} holidays, {workdays} make-up working days ({source})</source>
        <translation>已用 {path} 替换 {year} 年的日历：放假 {holidays} 天，调休上班 {workdays} 天（{source}）</translation>
    </message>
    <message>
        <source>Loaded the official calendar of {year} from {path}: {holidays} holidays, {workdays} make-up working days ({source})</source>
        <translation>已从 {path} 导入 {year} 年的官方日历：放假 {holidays} 天，调休上班 {workdays} 天（{source}）</translation>
    </message>
    <message>
        <source>Deadlines that reach {year} are no longer provisional from now on</source>
        <translation>自即日起，涉及 {year} 年的期限不再是暂定期限</translation>
    </message>
    <message>
        <source>Recomputed the committed deadline of {count} case(s)</source>
        <translation>重新计算了{count}件办件的承诺期限</translation>
    </message>
    <message>
        <source>{case_no}: {old} → {new} (provisional)</source>
        <translation>{case_no}：{old} → {new}（暂定）</translation>
    </message>
    <message>
        <source>{case_no}: {old} → {new}</source>
        <translation>{case_no}：{old} → {new}</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>loaded, superseded by the built-in calendar</source>
        <translation>已导入，已由内置日历取代</translation>
    </message>
    <message>
        <source>No cases found</source>
        <translation>没有找到办件</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收件</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <source>Committed deadline</source>
        <translation>承诺期限</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>帮代办</translation>
    </message>
    <message>
        <source>“{text}” is not a valid case number (22 characters, e.g. {example})</source>
        <translation>“{text}”不是有效的办件编号（22位，例如 {example}）</translation>
    </message>
    <message>
        <source>This desk has no case numbered {case_no}</source>
        <translation>本窗口没有编号为{case_no}的办件</translation>
    </message>
    <message>
        <source>“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2026-09-28</source>
        <translation>“{text}”不是日期，请按 YYYY-MM-DD 输入，例如 2026-09-28</translation>
    </message>
    <message>
        <source>“{text}” is not a case state; choose one of: {allowed}</source>
        <translation>“{text}”不是办件状态，可选：{allowed}</translation>
    </message>
    <message>
        <source>{department}: {state}, deadline {deadline}</source>
        <translation>{department}：{state}，办结期限 {deadline}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>{date} (provisional)</source>
        <translation>{date}（暂定）</translation>
    </message>
    <message>
        <source>Provisional deadline: {date}. The official calendar of {years} is not known to this desk, so only weekends were skipped there; load it with: clerk-desk calendar import FILE</source>
        <translation>暂定期限：{date}。本工作台没有 {years} 年的官方日历，该部分日期仅扣除了周末；请用 clerk-desk calendar import FILE 导入</translation>
    </message>
    <message>
        <source>Committed deadline: {date} (即办件, decided the same day)</source>
        <translation>承诺期限：{date}（即办件，当日办结）</translation>
    </message>
    <message>
        <source>Committed deadline: {date} ({days} working days after {accepted}; weekends, statutory holidays and make-up working days taken into account)</source>
        <translation>承诺期限：{date}（自 {accepted} 起 {days} 个工作日，已扣除周末和法定节假日，并计入调休上班日）</translation>
    </message>
    <message>
        <source>Not counted (special procedure): {start} to {end}</source>
        <translation>不计入时限（特别程序）：{start}至{end}</translation>
    </message>
    <message>
        <source>{value} is not a date; write it as YYYY-MM-DD, e.g. 2026-09-28</source>
        <translation>{value} 不是日期，请按 YYYY-MM-DD 输入，例如 2026-09-28</translation>
    </message>
    <message>
        <source>--days must be a whole number of working days (0 for 即办件), not {value}</source>
        <translation>--days 须为整数个工作日（即办件为 0），而不是 {value}</translation>
    </message>
    <message>
        <source>--pause takes START/END, e.g. 2026-10-12/2026-10-16, not {value}</source>
        <translation>--pause 须写为 START/END，例如 2026-10-12/2026-10-16，而不是 {value}</translation>
    </message>
    <message>
        <source>The promised time limit must be a whole number of working days from 0 to {most}, not {value}</source>
        <translation>承诺时限须为 0 到 {most} 之间的整数个工作日，而不是 {value}</translation>
    </message>
    <message>
        <source>A pause cannot end ({end}) before it starts ({start})</source>
        <translation>特别程序的结束日期（{end}）不能早于开始日期（{start}）</translation>
    </message>
    <message>
        <source>A pause cannot start ({start}) before the case was accepted ({accepted})</source>
        <translation>特别程序的开始日期（{start}）不能早于受理日期（{accepted}）</translation>
    </message>
    <message>
        <source>The deadline would fall after {last}, beyond the calendar; check the acceptance date and the pauses</source>
        <translation>期限将晚于 {last}，超出日历范围；请检查受理日期和特别程序的日期</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>临期</translation>
    </message>
    <message>
        <source>By the visitor</source>
        <translation>主动评价</translation>
    </message>
    <message>
        <source>Platform default</source>
        <translation>默认评价</translation>
    </message>
    <message>
        <source>No ratings found</source>
        <translation>没有找到评价</translation>
    </message>
    <message>
        <source>Rating no.</source>
        <translation>评价次数</translation>
    </message>
    <message>
        <source>Service contact</source>
        <translation>服务环节</translation>
    </message>
    <message>
        <source>Rating level</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Window no.</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <source>Rated at</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <source>Rating reasons</source>
        <translation>评价理由</translation>
    </message>
    <message>
        <source>Rating comment</source>
        <translation>评价内容</translation>
    </message>
    <message>
        <source>Rating origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>No poor ratings to follow up</source>
        <translation>没有需要整改的差评</translation>
    </message>
    <message>
        <source>Follow-up state</source>
        <translation>整改状态</translation>
    </message>
    <message>
        <source>Follow-up deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Steps taken</source>
        <translation>已办环节</translation>
    </message>
    <message>
        <source>Visitors&apos; ratings: {levels}; default {defaults}; unrated {unrated}; struck {struck}</source>
        <translation>主动评价：{levels}；默认评价 {defaults}；未评价 {unrated}；已撤销 {struck}</translation>
    </message>
    <message>
        <source>{level} (provisional)</source>
        <translation>{level}（暂定）</translation>
    </message>
    <message>
        <source>{year}-{month:02}-{day:02}</source>
        <translation>{year}年{month:02}月{day:02}日</translation>
    </message>
    <message>
        <source>The calendar was refused with {count} problem(s); nothing was loaded</source>
        <translation>日历有 {count} 处问题，未予导入</translation>
    </message>
    <message>
        <source>the file must hold one JSON object with the fields year, source, holidays and workdays</source>
        <translation>文件须为一个 JSON 对象，包含 year、source、holidays 和 workdays 字段</translation>
    </message>
    <message>
        <source>unknown field {name}; the fields are year, source, holidays and workdays</source>
        <translation>未知字段 {name}；可用的字段为 year、source、holidays 和 workdays</translation>
    </message>
    <message>
        <source>source must name the official notice the dates are taken from</source>
        <translation>source 须写明这些日期所依据的官方通知</translation>
    </message>
    <message>
        <source>holidays must list at least one day off</source>
        <translation>holidays 至少须列出一个放假日</translation>
    </message>
    <message>
        <source>workdays: {date} is a Monday to Friday, a working day anyway; a make-up working day must be a Saturday or Sunday</source>
        <translation>workdays：{date} 是周一至周五，本来就是工作日；调休上班日须为周六或周日</translation>
    </message>
    <message>
        <source>{date} is listed both as a holiday and as a make-up working day</source>
        <translation>{date} 同时被列为放假日和调休上班日</translation>
    </message>
    <message>
        <source>year is missing</source>
        <translation>缺少 year 字段</translation>
    </message>
    <message>
        <source>year must be a whole number from {first} to {last}, not {value}</source>
        <translation>year 须为 {first} 到 {last} 之间的整数，而不是 {value}</translation>
    </message>
    <message>
        <source>{field} is missing</source>
        <translation>缺少 {field} 字段</translation>
    </message>
    <message>
        <source>{field} must be a list of dates written as YYYY-MM-DD</source>
        <translation>{field} 须为日期列表，日期按 YYYY-MM-DD 书写</translation>
    </message>
    <message>
        <source>{field}: {value} is not a date written as YYYY-MM-DD</source>
        <translation>{field}：{value} 不是按 YYYY-MM-DD 书写的日期</translation>
    </message>
    <message>
        <source>{field}: {date} is not in {year}</source>
        <translation>{field}：{date} 不在 {year} 年内</translation>
    </message>
    <message>
        <source>{field}: {date} is listed twice</source>
        <translation>{field}：{date} 重复列出</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未核验</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>已收取</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>已上传</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Defective</source>
        <translation>不符合要求</translation>
    </message>
    <message>
        <source>Gap (supplied later)</source>
        <translation>容缺</translation>
    </message>
    <message>
        <source>Promise instead of proof</source>
        <translation>告知承诺</translation>
    </message>
    <message>
        <source>The centre code must be 6 digits; finish the desk&apos;s setup first</source>
        <translation>中心代码须为6位行政区划代码，请先完成窗口设置</translation>
    </message>
    <message>
        <source>The window number must be from 1 to 999; finish the desk&apos;s setup first</source>
        <translation>窗口号须为1至999，请先完成窗口设置</translation>
    </message>
    <message>
        <source>This window has used all case numbers of the day (at most {max})</source>
        <translation>本窗口今日办件编号已用完（最多{max}件）</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Awaiting supplement</source>
        <translation>待补正</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审批中</translation>
    </message>
    <message>
        <source>Paused (special procedure)</source>
        <translation>特别程序中</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Ready for pick-up</source>
        <translation>待取件</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已寄出</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已终结</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>收件</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Accept with gaps</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>Notify what is missing</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <source>Supplement</source>
        <translation>补齐材料</translation>
    </message>
    <message>
        <source>Do not accept</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Hand to the department</source>
        <translation>流转</translation>
    </message>
    <message>
        <source>Pause (special procedure)</source>
        <translation>特别程序</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复审批</translation>
    </message>
    <message>
        <source>Extend the time limit</source>
        <translation>延长审批</translation>
    </message>
    <message>
        <source>Request a supplement</source>
        <translation>补正</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <source>Result ready</source>
        <translation>结果待领取</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>窗口领取</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <source>Delivered by courier</source>
        <translation>快递签收</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>缴费</translation>
    </message>
    <message>
        <source>Signed transfer sheet</source>
        <translation>材料流转单签收</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Deadline recomputed</source>
        <translation>期限重算</translation>
    </message>
    <message>
        <source>The case is “{state}”; “{event}” is not possible now</source>
        <translation>办件当前状态为“{state}”，不能执行“{event}”</translation>
    </message>
    <message>
        <source>“{event}” needs a reason; enter it first</source>
        <translation>“{event}”需要填写理由，请先填写</translation>
    </message>
    <message>
        <source>The 18th character (check character) should be {expected}</source>
        <translation>第18位校验码应为{expected}</translation>
    </message>
    <message>
        <source>Character {position} cannot be the letter “{char}”; perhaps the digit “{digit}”</source>
        <translation>第{position}位不能是字母“{char}”，可能是数字“{digit}”</translation>
    </message>
    <message>
        <source>digits and capital letters except I, O, Z, S, V</source>
        <translation>数字和大写字母（不含I、O、Z、S、V）</translation>
    </message>
    <message>
        <source>Characters 3–8 (region code) must be digits; character {position} is “{char}”</source>
        <translation>第3至8位（行政区划码）须为数字，第{position}位是“{char}”</translation>
    </message>
    <message>
        <source>A residence permit number begins with 81 (Hong Kong), 82 (Macao) or 83 (Taiwan)</source>
        <translation>港澳台居民居住证号码以81（香港）、82（澳门）或83（台湾）开头</translation>
    </message>
    <message>
        <source>letters and digits</source>
        <translation>字母和数字</translation>
    </message>
    <message>
        <source>The first character should be H (Hong Kong) or M (Macao)</source>
        <translation>第1位应为H（香港居民）或M（澳门居民）</translation>
    </message>
    <message>
        <source>{count} characters after the letter; 8 or 10 digits are needed</source>
        <translation>字母后已输入{count}位，应为8位或10位数字</translation>
    </message>
    <message>
        <source>A foreigner&apos;s permanent residence ID card number begins with 9</source>
        <translation>外国人永久居留身份证号码以9开头</translation>
    </message>
    <message>
        <source>{count} characters typed; an ID number has 18 (or 15 if it is old)</source>
        <translation>已输入{count}位，身份证号码应为18位（15位旧号码也可以）</translation>
    </message>
    <message>
        <source>digits, and X as the 18th</source>
        <translation>数字，第18位可以是X</translation>
    </message>
    <message>
        <source>The old 15-digit number was converted to {number}</source>
        <translation>15位旧号码已转换为18位：{number}</translation>
    </message>
    <message>
        <source>The date of birth {date} is in the future; check characters 7–14</source>
        <translation>出生日期{date}晚于今天，请核对第7至14位</translation>
    </message>
    <message>
        <source>The first 6 digits ({code}) are not a known region</source>
        <translation>前6位地址码{code}不存在</translation>
    </message>
    <message>
        <source>The 18th character (check digit) should be {expected}</source>
        <translation>第18位校验码应为{expected}</translation>
    </message>
    <message>
        <source>The first 6 digits ({code}) are not in the region code table; compare them with the card</source>
        <translation>前6位地址码{code}不在行政区划代码表中，请与证件核对</translation>
    </message>
    <message>
        <source>Characters {start}–{end} ({digits}) are not a valid date of birth</source>
        <translation>第{start}至{end}位出生日期{digits}不是有效日期</translation>
    </message>
    <message>
        <source>{count} digits typed; a mobile number has 11</source>
        <translation>已输入{count}位，手机号码应为11位</translation>
    </message>
    <message>
        <source>{count} digits typed; a landline number with area code has 10 to 12</source>
        <translation>已输入{count}位，座机号码连区号应为10至12位</translation>
    </message>
    <message>
        <source>Add the area code in front (e.g. 010 or 0551)</source>
        <translation>请在号码前加上区号（如010或0551）</translation>
    </message>
    <message>
        <source>digits (a + only at the start)</source>
        <translation>数字（国外号码可以+开头）</translation>
    </message>
    <message>
        <source>This is not a valid phone number; check the digits</source>
        <translation>这不是有效的电话号码，请核对</translation>
    </message>
    <message>
        <source>Enter the number</source>
        <translation>请输入号码</translation>
    </message>
    <message>
        <source>Character {position} “{char}” is not allowed; use {allowed}</source>
        <translation>第{position}位“{char}”不能使用，只能是{allowed}</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>{count} characters typed; {expected} are needed</source>
        <translation>已输入{count}位，应为{expected}位</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low}至{high}</translation>
    </message>
    <message>
        <source>Choose at least one item</source>
        <translation>请选择事项</translation>
    </message>
    <message>
        <source>The note on “{name}” may have at most {most} characters, not {length}</source>
        <translation>材料“{name}”的备注最多 {most} 个字符，现有 {length} 个</translation>
    </message>
    <message>
        <source>Enter the organisation&apos;s name</source>
        <translation>请填写单位名称</translation>
    </message>
    <message>
        <source>Enter the applicant&apos;s name</source>
        <translation>请填写申请人姓名</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Applicant&apos;s ID number</source>
        <translation>申请人证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Enter the agent&apos;s name</source>
        <translation>请填写代理人姓名</translation>
    </message>
    <message>
        <source>Agent&apos;s ID number</source>
        <translation>代理人证件号码</translation>
    </message>
    <message>
        <source>at most {most} characters, not {length}</source>
        <translation>最多 {most} 个字符，现有 {length} 个</translation>
    </message>
    <message>
        <source>Applicant&apos;s name</source>
        <translation>申请人名称</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Agent&apos;s name</source>
        <translation>代理人姓名</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>“{name}” does not meet the standard: {note}</source>
        <translation>材料“{name}”不符合要求：{note}</translation>
    </message>
    <message>
        <source>“{name}” cannot be replaced by a promise</source>
        <translation>材料“{name}”不适用告知承诺</translation>
    </message>
    <message>
        <source>“{name}” has not been checked</source>
        <translation>材料“{name}”尚未核验</translation>
    </message>
    <message>
        <source>“{name}” is marked as a gap; use “Accept with gaps” for that</source>
        <translation>材料“{name}”已标为容缺，请使用“容缺受理”</translation>
    </message>
    <message>
        <source>“{name}” is a key material and cannot be supplied later</source>
        <translation>材料“{name}”为关键材料，不能容缺</translation>
    </message>
    <message>
        <source>“{name}” is missing</source>
        <translation>缺少材料“{name}”</translation>
    </message>
    <message>
        <source>The applicant is on the dishonesty list (source: {source}); accepting with gaps is not allowed</source>
        <translation>申请人在失信名单中（来源：{source}），不适用容缺受理</translation>
    </message>
    <message>
        <source>No material is missing; use “Accept” instead</source>
        <translation>没有容缺的材料，请直接受理</translation>
    </message>
    <message>
        <source>Enter the deadline for supplying the missing materials</source>
        <translation>请填写补齐材料的期限</translation>
    </message>
    <message>
        <source>The supplement deadline must be from {today} to the committed deadline {committed}</source>
        <translation>补齐材料的期限须在今天（{today}）至承诺期限（{committed}）之间</translation>
    </message>
    <message>
        <source>No material is missing or defective; there is nothing to notify</source>
        <translation>没有缺少或不符合要求的材料，无需一次性告知</translation>
    </message>
    <message>
        <source>More than 5 working days have passed since receipt ({received}); by law the application counts as accepted from the day of receipt. Accept it instead</source>
        <translation>收件（{received}）已超过5个工作日，依法视为自收件之日起受理，请办理受理</translation>
    </message>
    <message>
        <source>{path} was refused with {count} problem(s); no calendar was loaded. Fix these in the file and import it again:</source>
        <translation>{path} 有 {count} 处问题，未导入日历。请在文件中改正以下问题后重新导入：</translation>
    </message>
    <message>
        <source>The stored calendar {path} cannot be read ({error}); import the official calendar of that year again</source>
        <translation>无法读取已保存的日历 {path}（{error}）；请重新导入该年度的官方日历</translation>
    </message>
    <message>
        <source>the file cannot be read: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>文件不是 UTF-8 编码的文本</translation>
    </message>
    <message>
        <source>the file is not valid JSON: {error} (line {line})</source>
        <translation>文件不是有效的 JSON：{error}（第 {line} 行）</translation>
    </message>
    <message>
        <source>the file is not a calendar: it is nested too deep or has too long a number</source>
        <translation>该文件不是节假日安排：嵌套层数过多或数字过长</translation>
    </message>
    <message>
        <source>the official calendar of {year} is built in ({source}) and is not replaced by a file; only years after {last} can be loaded</source>
        <translation>{year} 年的官方日历已内置（{source}），不能用文件替换；只能导入 {last} 年以后的日历</translation>
    </message>
    <message>
        <source>“{event}” is not possible yet:</source>
        <translation>暂不能“{event}”：</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Assistance can only be recorded on a draft</source>
        <translation>只有草稿可以登记帮代办</translation>
    </message>
    <message>
        <source>This draft belongs to 代办 {number}; who acts for the applicant stays</source>
        <translation>本草稿属于代办 {number}，代办人员不能更改</translation>
    </message>
    <message>
        <source>This case is no longer a draft; it was not saved</source>
        <translation>该办件已不是草稿，不能再按草稿保存</translation>
    </message>
    <message>
        <source>The reason may have at most {most} characters, not {length}</source>
        <translation>理由最多 {most} 个字符，现有 {length} 个</translation>
    </message>
    <message>
        <source>The catalog has no item with basic code {code}</source>
        <translation>事项目录中没有基本编码为{code}的事项</translation>
    </message>
    <message>
        <source>There is no case numbered {number}</source>
        <translation>没有编号为{number}的办件</translation>
    </message>
    <message>
        <source>Case {number} is “{state}”; only a case awaiting a supplement is taken up again</source>
        <translation>办件{number}为“{state}”，只有待补正的办件可以继续受理</translation>
    </message>
    <message>
        <source>The case&apos;s checklist has no material “{name}”</source>
        <translation>本办件的材料清单中没有“{name}”</translation>
    </message>
    <message>
        <source>Demo cases go only into a demo desk; add --demo to use one</source>
        <translation>演示办件只能生成在演示模式的工作台中，请加上 --demo</translation>
    </message>
    <message>
        <source>Made {count} demo cases over {days} days: {states}</source>
        <translation>已生成{count}件演示办件（{days}天内）：{states}</translation>
    </message>
    <message>
        <source>Making demo cases: {done}/{total}</source>
        <translation>正在生成演示办件：{done}/{total}</translation>
    </message>
    <message>
        <source>The number of cases must be from 1 to {most}</source>
        <translation>办件数量须在1至{most}之间</translation>
    </message>
    <message>
        <source>The number of days must be from 1 to {most}</source>
        <translation>天数须在1至{most}之间</translation>
    </message>
    <message>
        <source>{cases} cases on {workdays} working days are too many; at most {per_day} a working day, so give more days</source>
        <translation>{workdays}个工作日内生成{cases}件办件过多；每个工作日最多{per_day}件，请增加天数</translation>
    </message>
    <message>
        <source>The catalog is empty; import a catalog before making demo cases</source>
        <translation>事项目录为空，无法生成演示办件；请先导入事项目录</translation>
    </message>
    <message>
        <source>Loaded the dishonesty list from {path}: {count} part(ies)</source>
        <translation>已从 {path} 导入失信名单：共 {count} 个主体</translation>
    </message>
    <message>
        <source>ID number / credit code</source>
        <translation>证件号码/统一社会信用代码</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>列入日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The file has no column {columns}</source>
        <translation>文件缺少列：{columns}</translation>
    </message>
    <message>
        <source>Line {line}, “{column}”: “{value}” is neither a valid ID number nor a valid unified social credit code</source>
        <translation>第{line}行“{column}”：“{value}”既不是有效的身份证号码，也不是有效的统一社会信用代码</translation>
    </message>
    <message>
        <source>Line {line}, “{column}”: {value} repeats line {first}</source>
        <translation>第{line}行“{column}”：{value}与第{first}行重复</translation>
    </message>
    <message>
        <source>Line {line}, “{column}”: must not be empty</source>
        <translation>第{line}行“{column}”：不能为空</translation>
    </message>
    <message>
        <source>Line {line}, “{column}”: “{value}” is not a date up to today (format 2026-03-15)</source>
        <translation>第{line}行“{column}”：“{value}”不是今天及以前的日期（格式如 2026-03-15）</translation>
    </message>
    <message>
        <source>The file {name} cannot be read ({error})</source>
        <translation>无法读取文件 {name}（{error}）</translation>
    </message>
    <message>
        <source>{name} cannot be attached: only {allowed} files are allowed</source>
        <translation>不能导入 {name}：只允许 {allowed} 文件</translation>
    </message>
    <message>
        <source>{name} is not really a {kind} file (its content does not match); only {allowed} files are allowed</source>
        <translation>{name} 的内容与 {kind} 格式不符；只允许 {allowed} 文件</translation>
    </message>
    <message>
        <source>{name} is {size} MB; files up to {limit} MB can be attached</source>
        <translation>{name} 大小为 {size} MB；只能导入不超过 {limit} MB 的文件</translation>
    </message>
    <message>
        <source>{path} was refused with {count} problem(s); the list was not changed. Fix these in the file and import it again:</source>
        <translation>{path} 有 {count} 处问题，未予导入，名单保持不变。请在文件中改正以下问题后重新导入：</translation>
    </message>
    <message>
        <source>{path} lists no parties; importing it would empty the list of its {count} part(ies). The list was not changed; to empty it, import again with --allow-empty</source>
        <translation>{path} 中没有任何主体，导入将清空名单中现有的 {count} 个主体；名单未改变。如确需清空名单，请加上 --allow-empty 重新导入</translation>
    </message>
    <message>
        <source>{path} is not a CSV file in UTF-8 or GB18030</source>
        <translation>{path} 不是 UTF-8 或 GB18030 编码的 CSV 文件</translation>
    </message>
    <message>
        <source>{path} cannot be read at line {line} ({error}); a field may hold at most {most} characters</source>
        <translation>{path} 第 {line} 行无法读取（{error}）；每个字段最多 {most} 个字符</translation>
    </message>
    <message>
        <source>Platform password of {user}: </source>
        <translation>{user} 的平台密码：</translation>
    </message>
    <message>
        <source>No password was given</source>
        <translation>未输入密码</translation>
    </message>
    <message>
        <source>No central platform is configured; set platform_url or start with --platform URL</source>
        <translation>未配置中心平台；请设置 platform_url，或以 --platform URL 启动</translation>
    </message>
    <message>
        <source>Sent {pushed}, received {pulled}; {pending} pending, {refused} refused</source>
        <translation>已上传 {pushed}，已接收 {pulled}；待上传 {pending}，被拒绝 {refused}</translation>
    </message>
    <message>
        <source>Waiting for these users to sign in: {users}</source>
        <translation>等待以下用户登录：{users}</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>上次错误：{error}</translation>
    </message>
    <message>
        <source>The platform address {url} must start with https:// and name a host</source>
        <translation>平台地址 {url} 必须以 https:// 开头并写明主机</translation>
    </message>
    <message>
        <source>The platform address {url} uses plain http:// to another computer; use https://, or set allow_plain_http to true if the administrator allows it</source>
        <translation>平台地址 {url} 以未加密的 http:// 连接其他计算机；请改用 https://，或经管理员同意将 allow_plain_http 设为 true</translation>
    </message>
    <message>
        <source>The CA bundle file {path} (setting ca_bundle) does not exist; fix the setting or clear it to use the system&apos;s certificates</source>
        <translation>CA 证书文件 {path}（设置项 ca_bundle）不存在；请修正该设置，或清空以使用系统证书</translation>
    </message>
    <message>
        <source>The platform&apos;s certificate cannot be verified ({error}); set ca_bundle to the CA file that signed it</source>
        <translation>无法验证平台证书（{error}）；请将 ca_bundle 设为签发该证书的 CA 文件</translation>
    </message>
    <message>
        <source>The platform did not answer within {seconds} seconds</source>
        <translation>平台在 {seconds} 秒内未应答</translation>
    </message>
    <message>
        <source>The platform {url} cannot be reached ({error})</source>
        <translation>无法连接平台 {url}（{error}）</translation>
    </message>
    <message>
        <source>The platform answered {status} ({reason}); will retry</source>
        <translation>平台返回 {status}（{reason}）；稍后重试</translation>
    </message>
    <message>
        <source>The platform&apos;s reply was cut off or not understood; will retry</source>
        <translation>平台的应答不完整或无法识别；稍后重试</translation>
    </message>
    <message>
        <source>host name not found</source>
        <translation>找不到主机</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>network unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <source>connection dropped</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <source>connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>The platform refused the sign-in of {username}: wrong user name or password ({reason})</source>
        <translation>平台拒绝了 {username} 的登录：用户名或密码错误（{reason}）</translation>
    </message>
    <message>
        <source>The platform refused the sign-in of {username}: {reason}</source>
        <translation>平台拒绝了 {username} 的登录：{reason}</translation>
    </message>
    <message>
        <source>A rating, its contact and its follow-up steps cannot be changed, only sent again as they are or discarded; nothing was changed</source>
        <translation>评价及其服务记录、整改环节不能修改，只能原样重发或放弃；未作任何改动</translation>
    </message>
    <message>
        <source>Say why this change is discarded; nothing was changed</source>
        <translation>请说明放弃此项更改的原因；未作任何更改</translation>
    </message>
    <message>
        <source>Still not stored: {reason}</source>
        <translation>仍未保存：{reason}</translation>
    </message>
    <message>
        <source>This sync problem was already resolved or does not exist</source>
        <translation>此同步问题已处理或不存在</translation>
    </message>
    <message>
        <source>The platform refused a request ({status}): {reason}</source>
        <translation>平台拒绝了请求（{status}）：{reason}</translation>
    </message>
    <message>
        <source>The field {path} is not in this case; nothing was changed</source>
        <translation>此办件中没有字段 {path}；未作任何更改</translation>
    </message>
    <message>
        <source>Scanner {name} was not found: check its cable and power, then choose it again in the settings</source>
        <translation>未找到扫描仪 {name}：请检查连接线和电源，然后在设置中重新选择</translation>
    </message>
    <message>
        <source>Scanner {name} stopped answering after {pages} page(s) ({error}): check its cable and power, then scan the remaining pages</source>
        <translation>扫描仪 {name} 在扫描 {pages} 页后停止响应（{error}）：请检查连接线和电源，然后扫描剩余页面</translation>
    </message>
    <message>
        <source>Paper jam in {name} after {pages} page(s): clear the feeder, then scan the remaining pages</source>
        <translation>扫描仪 {name} 在扫描 {pages} 页后卡纸：请清理进纸器，然后扫描剩余页面</translation>
    </message>
    <message>
        <source>Scanner {name} is busy with another program: close it and try again</source>
        <translation>扫描仪 {name} 正被其他程序使用：请关闭该程序后重试</translation>
    </message>
    <message>
        <source>Scanner {name} does not offer {option} {value}: choose one of {offered}</source>
        <translation>扫描仪 {name} 不支持 {option} {value}：请从 {offered} 中选择</translation>
    </message>
    <message>
        <source>{path} is damaged or incomplete ({error}): copy it again or scan the paper</source>
        <translation>{path} 已损坏或不完整（{error}）：请重新复制该文件或扫描纸质材料</translation>
    </message>
    <message>
        <source>{path} is not a JPEG, PNG, TIFF or PDF file: save it in one of these formats</source>
        <translation>{path} 不是 JPEG、PNG、TIFF 或 PDF 文件：请另存为其中一种格式</translation>
    </message>
    <message>
        <source>{path} is {size} MB, over the {limit} MB limit: scan it at a lower resolution or split it</source>
        <translation>{path} 大小为 {size} MB，超过 {limit} MB 的上限：请以较低分辨率扫描或拆分文件</translation>
    </message>
    <message>
        <source>{path} is empty (0 bytes): copy the file again from its source</source>
        <translation>{path} 是空文件（0 字节）：请从来源重新复制该文件</translation>
    </message>
    <message>
        <source>--pages must be from 1 to {most}</source>
        <translation>--pages 须在 1 到 {most} 之间</translation>
    </message>
    <message>
        <source>--resolution must be from {least} to {most} dpi</source>
        <translation>--resolution 须在 {least} 到 {most} dpi 之间</translation>
    </message>
    <message>
        <source>The scanner system cannot be used ({error}): run doctor</source>
        <translation>扫描系统无法使用（{error}）：请运行 doctor 检查</translation>
    </message>
    <message>
        <source>{device} gave {got} of {wanted} page(s); the {got} are in {path}: add the missing pages and scan again</source>
        <translation>{device} 只扫描了 {wanted} 页中的 {got} 页，已保存到 {path}：请放入缺少的页面后重新扫描</translation>
    </message>
    <message>
        <source>Scanned {count} page(s) into {path}</source>
        <translation>已扫描 {count} 页到 {path}</translation>
    </message>
    <message>
        <source>The pages are too small for a PDF page at this resolution ({error}): scan at a lower resolution</source>
        <translation>在此分辨率下页面小于 PDF 允许的最小尺寸（{error}）：请用较低的分辨率扫描</translation>
    </message>
    <message>
        <source>Cannot write {path} ({error}): choose another file</source>
        <translation>无法写入 {path}（{error}）：请选择其他文件</translation>
    </message>
    <message>
        <source>not a valid PDF file</source>
        <translation>不是有效的 PDF 文件</translation>
    </message>
    <message>
        <source>page {page} cannot be read</source>
        <translation>第 {page} 页无法读取</translation>
    </message>
    <message>
        <source>{path} is encrypted (password-protected) and cannot be read: ask for an unencrypted copy, or print it and scan the paper</source>
        <translation>{path} 已加密（有密码保护），无法读取：请提供未加密的文件，或打印后扫描纸质件</translation>
    </message>
    <message>
        <source>{path} has {pixels} million pixels, over the limit of {most} million: scan it at a lower resolution or make the picture smaller</source>
        <translation>{path} 有 {pixels} 百万像素，超过 {most} 百万像素的上限：请用较低的分辨率扫描或缩小图片</translation>
    </message>
    <message>
        <source>Page {page} of {path} is {width}×{height} inches, over the limit of {most} inches on the longer side: split or shrink the page</source>
        <translation>{path} 第 {page} 页为 {width}×{height} 英寸，超过长边 {most} 英寸的上限：请拆分或缩小该页</translation>
    </message>
    <message>
        <source>{path} does not exist: check the folder and the name</source>
        <translation>{path} 不存在：请检查文件夹和文件名</translation>
    </message>
    <message>
        <source>The feeder of {name} is empty: put the pages in the feeder and scan again</source>
        <translation>扫描仪 {name} 的进纸器中没有纸：请放入页面后重新扫描</translation>
    </message>
    <message>
        <source>Reused from case {case_no}</source>
        <translation>复用办件 {case_no} 的材料</translation>
    </message>
    <message>
        <source>The crop area is empty: drag out an area with a width and a height</source>
        <translation>裁剪区域为空：请拖出一个有宽度和高度的区域</translation>
    </message>
    <message>
        <source>The crop area goes beyond the page ({width}×{height} pixels): choose an area inside the page</source>
        <translation>裁剪区域超出页面（{width}×{height} 像素）：请在页面范围内选择区域</translation>
    </message>
    <message>
        <source>“{name}” has no scanned pages yet: scan or import its pages first</source>
        <translation>“{name}”还没有扫描页面：请先扫描或导入</translation>
    </message>
    <message>
        <source>The page cannot be shown ({error})</source>
        <translation>无法显示此页（{error}）</translation>
    </message>
    <message>
        <source>{name} is not a page image; only JPEG and PNG pages can be changed</source>
        <translation>{name} 不是页面图像；只能修改 JPEG 和 PNG 页面</translation>
    </message>
    <message>
        <source>“{name}” has no such page; its pages may have changed, reload the case</source>
        <translation>“{name}”中没有该页；页面可能已变化，请重新打开办件</translation>
    </message>
    <message>
        <source>The disk holding the desk&apos;s data ({path}) is full. Free some disk space, then try again</source>
        <translation>存放本机数据的磁盘（{path}）已满。请清理出磁盘空间后重试</translation>
    </message>
    <message>
        <source>The desk&apos;s data folder ({path}) cannot be written (read-only). Check the disk, USB drive or network share, then try again</source>
        <translation>本机数据文件夹（{path}）无法写入（只读）。请检查磁盘、U 盘或网络共享后重试</translation>
    </message>
    <message>
        <source>The desk&apos;s data folder ({path}) is missing or cannot be reached. Check that the disk, USB drive or network share is connected, then try again</source>
        <translation>找不到或无法访问本机数据文件夹（{path}）。请检查磁盘、U 盘或网络共享是否已连接，然后重试</translation>
    </message>
    <message>
        <source>Another program is holding the desk&apos;s database ({path}). Close it (or the other clerk-desk window), then try again</source>
        <translation>另一个程序正占用本机数据库（{path}）。请关闭该程序（或另一个综合窗口程序）后重试</translation>
    </message>
    <message>
        <source>The desk&apos;s database ({path}) is damaged. Stop working at this desk, run &apos;clerk-desk doctor&apos; and restore the database from a backup</source>
        <translation>本机数据库（{path}）已损坏。请停止在本机办件，运行“clerk-desk doctor”检查，并从备份恢复数据库</translation>
    </message>
    <message>
        <source>The disk holding the desk&apos;s data ({path}) reported a read or write error. Check the disk, USB drive or network share, then try again</source>
        <translation>存放本机数据的磁盘（{path}）读写出错。请检查磁盘、U 盘或网络共享后重试</translation>
    </message>
    <message>
        <source>The desk&apos;s database ({path}) is empty (0 bytes): this desk&apos;s data is lost. Restore the database from a backup; to start a new, empty desk instead, move the empty file away</source>
        <translation>本机数据库（{path}）是空文件（0 字节）：本机数据已丢失。请从备份恢复数据库；如要改为启用一个新的空白窗口，请先把这个空文件移走</translation>
    </message>
    <message>
        <source>The platform sent case number “{case_no}”, which is malformed or has a wrong check character; the change was not applied</source>
        <translation>平台传来的办件编号“{case_no}”格式或校验位不正确，未采用该变更</translation>
    </message>
    <message>
        <source>The platform sent case {case_no} of centre {centre}, not of this desk&apos;s centre {own}; the change was not applied</source>
        <translation>平台传来的办件{case_no}属于中心{centre}，不属于本窗口所在的中心{own}，未采用该变更</translation>
    </message>
    <message>
        <source>The platform sent case {case_no} whose document names another case; the change was not applied</source>
        <translation>平台传来的办件{case_no}的内容指向另一个办件，未采用该变更</translation>
    </message>
    <message>
        <source>The platform sent case {held} under the number {case_no}; the desk keeps its number and did not apply the change</source>
        <translation>平台将办件{held}改为编号{case_no}传来；本窗口保留原编号，未采用该变更</translation>
    </message>
    <message>
        <source>The platform sent case {case_no} in an unknown state “{state}”</source>
        <translation>平台传来的办件{case_no}处于未知状态“{state}”</translation>
    </message>
    <message>
        <source>The platform sent a step of case {case_no} the life cycle does not know: “{event}” from “{from_state}” to “{to_state}”</source>
        <translation>平台传来办件{case_no}的一个办理流程中不存在的步骤：“{event}”，从“{from_state}”到“{to_state}”</translation>
    </message>
    <message>
        <source>The platform sent case {case_no} with an unusable 帮办/代办 record ({problem}); the change was not applied</source>
        <translation>平台发来的办件 {case_no} 帮代办记录有误（{problem}），未应用该变更</translation>
    </message>
    <message>
        <source>not a record the desk can read</source>
        <translation>格式无法识别</translation>
    </message>
    <message>
        <source>who helped cannot change after submission</source>
        <translation>提交后不能更改帮代办人员</translation>
    </message>
    <message>
        <source>the port must be a whole number from 0 to {most}, not {value}</source>
        <translation>端口须为 0 到 {most} 之间的整数，而不是 {value}</translation>
    </message>
    <message>
        <source>{path} is not a regular file (it is a folder, a pipe or a device); choose the file itself</source>
        <translation>{path} 不是普通文件（而是文件夹、管道或设备）；请选择文件本身</translation>
    </message>
    <message>
        <source>{amount} yuan are still unpaid; the result is released once paid</source>
        <translation>尚有 {amount} 元费用未缴纳，缴清后才能发放结果</translation>
    </message>
    <message>
        <source>Nothing is due on this case</source>
        <translation>该办件没有待缴的费用</translation>
    </message>
    <message>
        <source>The amount paid must be {due} yuan</source>
        <translation>缴费金额应为 {due} 元</translation>
    </message>
    <message>
        <source>The collector&apos;s ID number is not the applicant&apos;s; an agent must bring a letter of authorisation</source>
        <translation>领取人的证件号码与申请人不一致；代理人领取须提供授权委托书</translation>
    </message>
    <message>
        <source>An agent needs a letter of authorisation; scan it before handing over</source>
        <translation>代理人领取须提供授权委托书，请扫描后再发放</translation>
    </message>
    <message>
        <source>An item of this case is not delivered by courier; ask the applicant to collect it at the window</source>
        <translation>该办件有事项不支持快递送达，请通知申请人到窗口领取</translation>
    </message>
    <message>
        <source>Kind of special procedure</source>
        <translation>特别程序种类</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Working days needed</source>
        <translation>所需工作日</translation>
    </message>
    <message>
        <source>Result of the procedure</source>
        <translation>特别程序结果</translation>
    </message>
    <message>
        <source>Working days added</source>
        <translation>延长工作日</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>新的办结期限</translation>
    </message>
    <message>
        <source>Working days paused</source>
        <translation>暂停工作日</translation>
    </message>
    <message>
        <source>Departments routed to</source>
        <translation>流转部门</translation>
    </message>
    <message>
        <source>Result name</source>
        <translation>结果名称</translation>
    </message>
    <message>
        <source>Result number</source>
        <translation>证照编号</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>救济途径</translation>
    </message>
    <message>
        <source>Materials to supplement</source>
        <translation>需补正的材料</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Way of payment</source>
        <translation>缴费方式</translation>
    </message>
    <message>
        <source>Payment slip number</source>
        <translation>缴款单号</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>缴款人</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Collector&apos;s name</source>
        <translation>领取人姓名</translation>
    </message>
    <message>
        <source>Collector&apos;s document</source>
        <translation>领取人证件类型</translation>
    </message>
    <message>
        <source>Collector&apos;s ID number</source>
        <translation>领取人证件号码</translation>
    </message>
    <message>
        <source>Letter of authorisation</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>Electronic licence number</source>
        <translation>电子证照编号</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Recipient&apos;s phone</source>
        <translation>收件人电话</translation>
    </message>
    <message>
        <source>Courier company</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <source>Signed for by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Fill in “{field}”</source>
        <translation>请填写“{field}”</translation>
    </message>
    <message>
        <source>“{field}” must be text</source>
        <translation>“{field}”应为文字</translation>
    </message>
    <message>
        <source>“{field}” may have at most {most} characters, not {length}</source>
        <translation>“{field}”最多 {most} 个字符，现有 {length} 个</translation>
    </message>
    <message>
        <source>“{field}” must be a whole number from {low} to {high}</source>
        <translation>“{field}”应为 {low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <source>“{field}” must be a date (YYYY-MM-DD)</source>
        <translation>“{field}”应为日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>The case is not accepted yet; it cannot be routed</source>
        <translation>办件尚未受理，不能流转</translation>
    </message>
    <message>
        <source>The departments, items or deadlines routed differ from the items accepted</source>
        <translation>流转的部门、事项或期限与受理时的事项不一致</translation>
    </message>
    <message>
        <source>The case has no part for “{department}” to review</source>
        <translation>办件没有由“{department}”审批的部分</translation>
    </message>
    <message>
        <source>The part of “{department}” is “{state}”; “{event}” is not possible now</source>
        <translation>“{department}”的审批部分为“{state}”，不能执行“{event}”</translation>
    </message>
    <message>
        <source>“{department}” extended its time limit once already; it cannot again</source>
        <translation>“{department}”已延长过一次审批期限，不能再次延长</translation>
    </message>
    <message>
        <source>The kind of special procedure must be one of: {kinds}</source>
        <translation>特别程序种类应为：{kinds}</translation>
    </message>
    <message>
        <source>“Valid until” must be later than today</source>
        <translation>“有效期至”应晚于今天</translation>
    </message>
    <message>
        <source>“{department}” has no part in review; it cannot ask for a supplement</source>
        <translation>“{department}”没有尚在审批的部分，不能要求补正</translation>
    </message>
    <message>
        <source>“{field}” must be {expected}</source>
        <translation>“{field}”应为 {expected}</translation>
    </message>
    <message>
        <source>The case is “{state}”; the result is released once it is ready for pick-up</source>
        <translation>办件当前状态为“{state}”，结果待取件后才能发放</translation>
    </message>
    <message>
        <source>Case {number} is not on this desk</source>
        <translation>本机没有办件{number}</translation>
    </message>
    <message>
        <source>Case {number} was changed meanwhile (it is now “{state}”); open it again and repeat “{event}”</source>
        <translation>办件{number}已被修改（现为“{state}”），请重新打开后再办理“{event}”</translation>
    </message>
    <message>
        <source>The result of case {number} was handed over to {collector} at {at}; it is not handed over again</source>
        <translation>办件{number}的结果已于{at}交给{collector}，不能再次发放</translation>
    </message>
    <message>
        <source>The result of case {number} was sent by courier at {at} (tracking number {tracking}); it is not released again</source>
        <translation>办件{number}的结果已于{at}寄出（物流单号{tracking}），不能再次发放</translation>
    </message>
    <message>
        <source>Case {number} was changed meanwhile (it is now “{state}”); open it again and decide on what it is now</source>
        <translation>办件{number}已被他人变更（现为“{state}”），请重新打开后按当前情况办理</translation>
    </message>
    <message>
        <source>The reason of “{event}” may have at most {most} characters, not {length}</source>
        <translation>“{event}”的理由最多 {most} 个字符，现有 {length} 个</translation>
    </message>
    <message>
        <source>The platform sent a file of another size; it is fetched again later</source>
        <translation>平台发来的文件与所需的不符（大小不对），稍后重新获取</translation>
    </message>
    <message>
        <source>The file from the platform does not match its checksum; it was dropped and is fetched again later</source>
        <translation>平台发来的文件与其校验值不符，已丢弃，稍后重新获取</translation>
    </message>
    <message>
        <source>Not signed in to the platform, so the pages of this case cannot be fetched; lock the window and sign in again</source>
        <translation>未登录中心平台，无法下载本办件的页面；请锁屏后重新登录</translation>
    </message>
    <message>
        <source>The platform refused the page “{name}”: {reason}</source>
        <translation>中心平台拒绝提供页面“{name}”：{reason}</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>回访核实</translation>
    </message>
    <message>
        <source>Appeal review</source>
        <translation>申诉复核</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>No 代办 records found</source>
        <translation>没有找到代办记录</translation>
    </message>
    <message>
        <source>代办 number</source>
        <translation>代办编号</translation>
    </message>
    <message>
        <source>Matters</source>
        <translation>委托事项</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>This desk has no 代办 record numbered {number}</source>
        <translation>本窗口没有编号为{number}的代办记录</translation>
    </message>
    <message>
        <source>Proxy staff</source>
        <translation>代办员</translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <source>Authorisation</source>
        <translation>委托书</translation>
    </message>
    <message>
        <source>Call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date}（已超期）</translation>
    </message>
    <message>
        <source>Rater&apos;s further comment</source>
        <translation>追评</translation>
    </message>
    <message>
        <source>True</source>
        <translation>属实</translation>
    </message>
    <message>
        <source>Reasonable</source>
        <translation>合理</translation>
    </message>
    <message>
        <source>Malicious</source>
        <translation>恶意</translation>
    </message>
    <message>
        <source>Strike the rating</source>
        <translation>撤销该差评</translation>
    </message>
    <message>
        <source>Keep the rating</source>
        <translation>维持该差评</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Could not be reached</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <source>To verify</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>To rectify</source>
        <translation>待整改</translation>
    </message>
    <message>
        <source>To reply</source>
        <translation>待回复</translation>
    </message>
    <message>
        <source>To call back</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Follow-up closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Struck</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Only the rater can add a further comment</source>
        <translation>追评只能由评价人本人提出</translation>
    </message>
    <message>
        <source>You may not record “{step}”</source>
        <translation>无权办理“{step}”</translation>
    </message>
    <message>
        <source>“{step}” has no field {field}</source>
        <translation>“{step}”不含字段 {field}</translation>
    </message>
    <message>
        <source>{field} may have at most {most} characters</source>
        <translation>{field} 最多 {most} 个字符</translation>
    </message>
    <message>
        <source>Fill in {field} of “{step}”</source>
        <translation>请填写“{step}”的{field}</translation>
    </message>
    <message>
        <source>This follow-up is “{state}”; “{step}” is not possible now</source>
        <translation>该差评现为“{state}”，不能办理“{step}”</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>出件</translation>
    </message>
    <message>
        <source>Assisted service</source>
        <translation>帮办</translation>
    </message>
    <message>
        <source>Proxy service</source>
        <translation>代办</translation>
    </message>
    <message>
        <source>This rating has closed; thank you</source>
        <translation>本次评价已结束，感谢您的参与</translation>
    </message>
    <message>
        <source>Your rating was already taken</source>
        <translation>已收到您的评价</translation>
    </message>
    <message>
        <source>The comment may have at most {most} characters</source>
        <translation>评价内容最多 {most} 个字</translation>
    </message>
    <message>
        <source>There is no such poor rating</source>
        <translation>没有这条差评</translation>
    </message>
    <message>
        <source>This poor rating is for {department} to handle</source>
        <translation>该差评由{department}负责整改</translation>
    </message>
    <message>
        <source>Reason {code} is not among “{level}” of the reasons list {version}</source>
        <translation>评价理由 {code} 不在第 {version} 版理由清单的“{level}”中</translation>
    </message>
    <message>
        <source>Choose at most {most} reasons</source>
        <translation>最多选择 {most} 项理由</translation>
    </message>
    <message>
        <source>The platform sent a change of the unknown kind “{kind}”; not stored</source>
        <translation>平台发来了本窗口不认识的“{kind}”类变更，未予保存</translation>
    </message>
    <message>
        <source>The platform sent contact {seq} of case {case_no}, which this desk holds as another contact; not stored</source>
        <translation>平台发来的办件 {case_no} 第 {seq} 次服务记录与本窗口已有的另一条服务记录序号相同，未予保存</translation>
    </message>
    <message>
        <source>The platform sent a follow-up step of a rating this desk does not hold; not stored</source>
        <translation>平台发来的整改环节所属的评价本窗口没有，未予保存</translation>
    </message>
    <message>
        <source>service contact</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>follow-up step</source>
        <translation>整改环节</translation>
    </message>
    <message>
        <source>reasons list</source>
        <translation>评价理由清单</translation>
    </message>
    <message>
        <source>The platform sent a {what} whose field {field} is not valid; not stored</source>
        <translation>平台发来的{what}中字段 {field} 无效，未予保存</translation>
    </message>
    <message>
        <source>The platform sent a {what} whose {field} is the unknown “{value}”; not stored</source>
        <translation>平台发来的{what}中 {field} 为未知的值“{value}”，未予保存</translation>
    </message>
    <message>
        <source>The platform sent the rating code “{code}”, which is not 1 to 5; not stored</source>
        <translation>平台发来的评价等级代码“{code}”不在 1 至 5 之间，未予保存</translation>
    </message>
    <message>
        <source>The platform numbers the rating levels in the “{platform}” order, this desk in the “{desk}” order: the reasons list was not updated and ratings wait. Set rating_code_order to the platform&apos;s order</source>
        <translation>平台的评价等级代码顺序为“{platform}”，本窗口为“{desk}”：评价理由清单未更新，评价暂不上传也不下载。请将设置 rating_code_order 改为与平台一致</translation>
    </message>
    <message>
        <source>“{text}” is not a date: write it as YYYY-MM-DD, e.g. 2026-12-07.</source>
        <translation>“{text}”不是日期：请按 YYYY-MM-DD 填写，例如 2026-12-07。</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start}): swap the dates.</source>
        <translation>截止日期（{end}）早于开始日期（{start}）：请对调两个日期。</translation>
    </message>
    <message>
        <source>A report covers at most {days} days; {start} to {end} is longer: make one report per year.</source>
        <translation>一份报表最多统计 {days} 天；{start} 至 {end} 超出了这个长度：请按年分别统计。</translation>
    </message>
    <message>
        <source>{start} has not come yet (today is {today}): choose a past day.</source>
        <translation>{start} 还没有到（今天是 {today}）：请选择已经过去的日期。</translation>
    </message>
    <message>
        <source>A PDF needs the desk&apos;s page layout: run the clerk-desk command, not python -m clerk_desk.cli</source>
        <translation>生成 PDF 需要桌面程序的排版组件：请运行 clerk-desk 命令，而不是 python -m clerk_desk.cli</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
    <message>
        <source>Overdue and not concluded: {count}</source>
        <translation>超期未办结：{count} 件</translation>
    </message>
    <message>
        <source>Departments with no business: {departments}</source>
        <translation>无业务的部门：{departments}</translation>
    </message>
    <message>
        <source>{path} is named twice: give each kind of file its own name</source>
        <translation>{path} 被指定了两次：请为每种文件分别指定文件名</translation>
    </message>
    <message>
        <source>{path} is a folder: give the name of the file to write</source>
        <translation>{path} 是文件夹：请给出要写入的文件名</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist: create it or choose another one</source>
        <translation>文件夹 {folder} 不存在：请先创建它或选择其他文件夹</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>自行办理</translation>
    </message>
    <message>
        <source>Assisted (帮办)</source>
        <translation>帮办</translation>
    </message>
    <message>
        <source>Proxy (代办)</source>
        <translation>代办</translation>
    </message>
    <message>
        <source>Elderly visitor</source>
        <translation>老年人</translation>
    </message>
    <message>
        <source>Visitor with a disability</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <source>Ill or cannot move about easily</source>
        <translation>患病或行动不便</translation>
    </message>
    <message>
        <source>Not at ease with forms</source>
        <translation>不熟悉办事流程或填表</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>A case without assistance names no helper</source>
        <translation>未帮代办的办件不应填写帮办人员</translation>
    </message>
    <message>
        <source>Choose the staff member who helps the applicant</source>
        <translation>请选择提供帮办的工作人员</translation>
    </message>
    <message>
        <source>Unknown reason for assistance: {reason}</source>
        <translation>未知的帮办原因：{reason}</translation>
    </message>
    <message>
        <source>A 代办 case must belong to a 代办 record</source>
        <translation>代办办件须关联代办记录</translation>
    </message>
    <message>
        <source>A 帮办 case does not belong to a 代办 record</source>
        <translation>帮办办件不关联代办记录</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Authorisation taken</source>
        <translation>委托受理</translation>
    </message>
    <message>
        <source>Signed authorisation scanned</source>
        <translation>委托书已扫描</translation>
    </message>
    <message>
        <source>Case started</source>
        <translation>办件已受理</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Scan the signed authorisation</source>
        <translation>扫描已签字的委托书</translation>
    </message>
    <message>
        <source>Start the applicant&apos;s case</source>
        <translation>为申请人受理办件</translation>
    </message>
    <message>
        <source>Follow the cases to their end</source>
        <translation>跟进办件直至办结</translation>
    </message>
    <message>
        <source>Resume or terminate</source>
        <translation>恢复或终止</translation>
    </message>
    <message>
        <source>Call the applicant back</source>
        <translation>回访申请人</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完结</translation>
    </message>
    <message>
        <source>The applicant cannot be recorded: {problems}</source>
        <translation>申请人信息不完整：{problems}</translation>
    </message>
    <message>
        <source>Say what the applicant wants done, or choose the items</source>
        <translation>请填写委托代办的事项，或选择事项</translation>
    </message>
    <message>
        <source>The matters may have at most {most} characters</source>
        <translation>代办事项最多 {most} 个字符</translation>
    </message>
    <message>
        <source>The promised date {day} is in the past</source>
        <translation>约定办结日期 {day} 已过</translation>
    </message>
    <message>
        <source>This 代办 has ended; its authorisation stays as it was</source>
        <translation>该代办已结束，委托书不能再更换</translation>
    </message>
    <message>
        <source>Cases can be started only while the 代办 is in progress</source>
        <translation>代办办理中才能受理办件</translation>
    </message>
    <message>
        <source>Scan the signed authorisation before starting a case</source>
        <translation>受理办件前请先扫描申请人签字的代办服务委托书</translation>
    </message>
    <message>
        <source>Choose the items of the case</source>
        <translation>请选择办件的事项</translation>
    </message>
    <message>
        <source>Only a 代办 in progress can be paused</source>
        <translation>只有办理中的代办可以中止</translation>
    </message>
    <message>
        <source>The resume date {day} is in the past</source>
        <translation>恢复日期 {day} 已过</translation>
    </message>
    <message>
        <source>Only a paused 代办 can be resumed</source>
        <translation>只有已中止的代办可以恢复</translation>
    </message>
    <message>
        <source>Only a 代办 in progress can be concluded</source>
        <translation>只有办理中的代办可以办结</translation>
    </message>
    <message>
        <source>A 代办 without a case cannot be concluded; terminate it</source>
        <translation>该代办没有办件，不能办结；请终止</translation>
    </message>
    <message>
        <source>These cases have not reached their end yet: {cases}</source>
        <translation>以下办件尚未办结：{cases}</translation>
    </message>
    <message>
        <source>This 代办 has already ended</source>
        <translation>该代办已结束</translation>
    </message>
    <message>
        <source>Call back once the 代办 has been concluded or terminated</source>
        <translation>代办办结或终止后才能回访</translation>
    </message>
    <message>
        <source>This 代办 has already been called back</source>
        <translation>该代办已回访</translation>
    </message>
    <message>
        <source>The note may have at most {most} characters</source>
        <translation>备注最多 {most} 个字符</translation>
    </message>
    <message>
        <source>No such 代办 record on this desk</source>
        <translation>本机没有该代办记录</translation>
    </message>
    <message>
        <source>Give the reason</source>
        <translation>请填写原因</translation>
    </message>
    <message>
        <source>The reason may have at most {most} characters</source>
        <translation>原因最多 {most} 个字符</translation>
    </message>
    <message>
        <source>Write the date as 2026-12-14, or leave it empty</source>
        <translation>日期请写成 2026-12-14 的格式，或不填</translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <source>{amount} yuan unpaid</source>
        <translation>{amount} 元未缴</translation>
    </message>
</context>
</TS>
