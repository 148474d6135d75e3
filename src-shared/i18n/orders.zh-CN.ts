/** 订单功能的中文文案（订单导入、订单指标、订单设置）。 */
import type { ordersEn } from './orders.en';

export const ordersZhCN: Record<keyof typeof ordersEn, string> = {
  'orders.tiles.label': '本期订单',
  'orders.kpi.orderRevenue': '订单销售额',
  'orders.kpi.collected': '回款',
  'orders.kpi.collectionRate': '回款率',
  'orders.kpi.newCustomers': '新客户',
  'orders.kpi.orderAov': '客单价（订单）',
  'orders.kpi.conversionRate': '转化率',
  'orders.kpi.leadConversion': '线索转化率',
  'orders.sub.orders': '{count} 单',
  'orders.sub.collected': '已回款 {collected}',
  'orders.sub.returning': '老客户销售额：{revenue}',
  'orders.sub.daysToOrder': '首次外呼到下单平均 {days} 天',
  'orders.sub.source': '来源：{source}',
  'orders.source.orders': '订单',
  'orders.source.calls': '通话结果',
  'orders.formula.orderRevenue':
    '订单金额之和，减去退款和取消（计在发生当天：下月退款计入下月）。来源：导入的订单，而非通话结果。本期下单的 {placed} 单中有 {attributed} 单关联到该坐席 {days} 天内对同一客户号码的接通通话（设置中可改）；未关联的订单仍计入其坐席。',
  'orders.formula.collectionRate':
    '回款率 = 回款 ÷ 订单销售额：{collected} ÷ {revenue}。回款为本期内各笔回款之和，减去退款退回的金额。来源：导入的订单。',
  'orders.formula.newCustomers':
    '首单在本期的客户：以订单导出中的新老客户标记为准，否则为该客户号码在工作区中的第一笔订单。已退款、已取消的订单不计。来源：导入的订单。',
  'orders.formula.orderAov': '订单销售额 ÷ 订单数，均已扣除退款和取消。来源：导入的订单。',
  'orders.formula.conversion.orders':
    '来源：订单（设置 → 订单）。转化率 = 订单数 ÷ 接通量 = {sales} ÷ {connects}；线索转化率 = 订单数 ÷ 意向 = {sales} ÷ {intents}。',
  'orders.formula.conversion.calls':
    '来源：通话结果。转化率 = 成交 ÷ 接通量 = {sales} ÷ {connects}；线索转化率 = 成交 ÷ 意向 = {sales} ÷ {intents}。',
  'orders.fallback': '本期没有订单：销售额、客单价和转化率来自通话结果。导入订单导出后可查看回款率和新客户。',
  'orders.settings.title': '订单',
  'orders.settings.lead': '导入的订单如何关联到通话，以及转化率按什么计算。',
  'orders.settings.window': '归因窗口（天）',
  'orders.settings.windowHint': '订单关联到其坐席在下单前这么多天内对同一客户号码的最后一次接通通话。',
  'orders.settings.source': '成交、销售额、客单价和转化率来自',
  'orders.settings.source.calls': '通话结果（通话中标记的成交）',
  'orders.settings.source.orders': '订单（来自订单导出）',
  'orders.settings.saved': '已保存。',
  'orders.import.detected': '订单导出：每行是一笔订单或其中一笔回款。',
  'orders.import.paymentsDetected':
    '回款明细：每行是一笔已导入订单的回款。未导入订单的回款会作为异常行保留。',
  'orders.import.columns': '订单列',
  'orders.import.rows': '前几行（按将要保存的样子）',
  'orders.import.missing': '文件缺少：{fields}。请选择其他格式或修正文件。',
  'orders.field.orderId': '订单编号',
  'orders.field.agentCode': '工号',
  'orders.field.agentName': '坐席姓名',
  'orders.field.phone': '客户电话',
  'orders.field.orderedAt': '下单时间',
  'orders.field.amount': '订单金额',
  'orders.field.collected': '回款金额',
  'orders.field.collectedAt': '回款日期',
  'orders.field.paymentId': '回款编号',
  'orders.field.product': '产品',
  'orders.field.campaign': '外呼项目',
  'orders.field.status': '订单状态',
  'orders.field.statusAt': '退款/取消时间',
  'orders.field.customerType': '新老客户',
  'orders.status.unpaid': '待付款',
  'orders.status.partially_paid': '部分回款',
  'orders.status.paid': '已回款',
  'orders.status.refunded': '已退款',
  'orders.status.cancelled': '已取消',
  'orders.customer.new': '新客户',
  'orders.customer.existing': '老客户',
  'orders.preview.line': '行',
  'orders.preview.day': '下单日期',
  'orders.preview.collectedOn': '回款日期',
  'orders.main.sales':
    '成交 = 下单数减去退款和取消（按发生当日计）= {orders}。来源：导入的订单（设置 → 订单：转化率来自订单），不是通话中标记的成交。',
  'orders.main.revenue':
    '销售额 = 订单金额减去退款和取消（按发生当日计）= {revenue}。来源：导入的订单（设置 → 订单：转化率来自订单），不是通话中标记的成交。',
  'orders.main.avgOrderValue':
    '客单价 = 订单销售额 ÷ 订单数 = {revenue} ÷ {orders}，均已扣除退款和取消。来源：导入的订单（设置 → 订单：转化率来自订单），不是通话中标记的成交。',
  'orders.main.conversionRate':
    '转化率 = 订单数 ÷ 接通量 = {orders} ÷ {connects}。来源：导入的订单（设置 → 订单：转化率来自订单），不是通话中标记的成交。',
  'orders.main.leadConversion':
    '线索转化率 = 订单数 ÷ 意向 = {orders} ÷ {intents}。来源：导入的订单（设置 → 订单：转化率来自订单），不是通话中标记的成交。',
};
