/** English strings of the orders feature (order imports, order KPIs, order settings). */
export const ordersEn = {
  'orders.tiles.label': 'Orders in this period',
  'orders.kpi.orderRevenue': 'Order revenue',
  'orders.kpi.collected': 'Collected',
  'orders.kpi.collectionRate': 'Collection rate',
  'orders.kpi.newCustomers': 'New customers',
  'orders.kpi.orderAov': 'Average order value',
  'orders.kpi.conversionRate': 'Conversion rate',
  'orders.kpi.leadConversion': 'Lead conversion',
  'orders.sub.orders': '{count} orders',
  'orders.sub.collected': '{collected} collected',
  'orders.sub.returning': 'Returning customers: {revenue}',
  'orders.sub.daysToOrder': '{days} days from first call to order',
  'orders.sub.source': 'from {source}',
  'orders.source.orders': 'orders',
  'orders.source.calls': 'call outcomes',
  'orders.formula.orderRevenue':
    'Sum of the order amounts, less refunds and cancellations on the day they happened (a refund next month lowers next month). Source: imported orders, not call outcomes. {attributed} of {placed} orders placed in the period are linked to a connected call of their agent to the customer within {days} days (Settings); unlinked orders still count for their agent.',
  'orders.formula.collectionRate':
    'Collected ÷ order revenue (回款率): {collected} ÷ {revenue}. Collected is the sum of the payments dated in the period, less what refunds returned. Source: imported orders.',
  'orders.formula.newCustomers':
    'Customers whose first order was placed in the period: as the order export says (new / existing), else the first order of that customer number in the workspace. Refunded and cancelled orders are left out. Source: imported orders.',
  'orders.formula.orderAov':
    'Order revenue ÷ orders, both net of refunds and cancellations. Source: imported orders.',
  'orders.formula.conversion.orders':
    'Source: orders (Settings → Orders). Conversion rate = orders ÷ connects = {sales} ÷ {connects}; lead conversion = orders ÷ intents = {sales} ÷ {intents}.',
  'orders.formula.conversion.calls':
    'Source: call outcomes. Conversion rate = sales ÷ connects = {sales} ÷ {connects}; lead conversion = sales ÷ intents = {sales} ÷ {intents}.',
  'orders.fallback':
    'No orders in this period: revenue, average order value and conversion come from call outcomes. Import an order export to see collections (回款率) and new customers.',
  'orders.settings.title': 'Orders',
  'orders.settings.lead': 'How imported orders are linked to calls, and where conversion is counted from.',
  'orders.settings.window': 'Attribution window (days)',
  'orders.settings.windowHint':
    'An order is linked to its agent’s last connected call to the same customer number within this many days before it.',
  'orders.settings.source': 'Sales, revenue, order value and conversion from',
  'orders.settings.source.calls': 'Call outcomes (sales marked on calls)',
  'orders.settings.source.orders': 'Orders (from order exports)',
  'orders.settings.saved': 'Saved.',
  'orders.import.detected': 'Order export: each row is an order or one of its payments.',
  'orders.import.paymentsDetected':
    'Payments export: each row is a payment collected on an order imported before. A payment for an order not imported is kept as a rejected row.',
  'orders.import.columns': 'Order columns',
  'orders.import.rows': 'First rows as they will be stored',
  'orders.import.missing': 'The file lacks: {fields}. Choose another layout or fix the file.',
  'orders.field.orderId': 'Order ID',
  'orders.field.agentCode': 'Agent code',
  'orders.field.agentName': 'Agent name',
  'orders.field.phone': 'Customer phone',
  'orders.field.orderedAt': 'Order time',
  'orders.field.amount': 'Order amount',
  'orders.field.collected': 'Amount collected',
  'orders.field.collectedAt': 'Collection date',
  'orders.field.paymentId': 'Payment ID',
  'orders.field.product': 'Product',
  'orders.field.campaign': 'Campaign',
  'orders.field.status': 'Status',
  'orders.field.statusAt': 'Refund / cancel date',
  'orders.field.customerType': 'New or existing customer',
  'orders.status.unpaid': 'Unpaid',
  'orders.status.partially_paid': 'Partially paid',
  'orders.status.paid': 'Paid',
  'orders.status.refunded': 'Refunded',
  'orders.status.cancelled': 'Cancelled',
  'orders.customer.new': 'New',
  'orders.customer.existing': 'Existing',
  'orders.preview.line': 'Line',
  'orders.preview.day': 'Order day',
  'orders.preview.collectedOn': 'Collected on',
  'orders.main.sales':
    'Sales = orders placed less refunds and cancellations on the day they happened = {orders}. Source: imported orders (Settings → Orders: conversion from orders), not sales marked on calls.',
  'orders.main.revenue':
    'Revenue = order amounts less refunds and cancellations on the day they happened = {revenue}. Source: imported orders (Settings → Orders: conversion from orders), not sales marked on calls.',
  'orders.main.avgOrderValue':
    'Average order value = order revenue ÷ orders = {revenue} ÷ {orders}, both net of refunds and cancellations. Source: imported orders (Settings → Orders: conversion from orders), not sales marked on calls.',
  'orders.main.conversionRate':
    'Conversion rate = orders ÷ connects = {orders} ÷ {connects}. Source: imported orders (Settings → Orders: conversion from orders), not sales marked on calls.',
  'orders.main.leadConversion':
    'Lead conversion = orders ÷ intents = {orders} ÷ {intents}. Source: imported orders (Settings → Orders: conversion from orders), not sales marked on calls.',
} as const;
