/** What the page needs of Razorpay's Checkout (https://razorpay.com/docs/payments/payment-gateway/web-integration/standard/). */
interface RazorpayCheckout {
  open(): void;
}

interface RazorpayOptions {
  key: string;
  order_id: string;
  amount: number;
  currency: string;
  name: string;
  description: string;
  handler: () => void;
  modal: { ondismiss: () => void };
}

declare global {
  interface Window {
    Razorpay?: new (options: RazorpayOptions) => RazorpayCheckout;
  }
}

const SCRIPT = "https://checkout.razorpay.com/v1/checkout.js";

function loadCheckout(): Promise<void> {
  if (window.Razorpay !== undefined) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = SCRIPT;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("Razorpay Checkout could not be loaded"));
    document.head.appendChild(script);
  });
}

/**
 * Opens Razorpay's Checkout for the order the platform created. The platform learns of the payment
 * from Razorpay's webhook, not from this page; the patient's live stream then shows the
 * appointment confirmed. Resolves when the patient finished or closed the checkout.
 */
export async function payWithRazorpay(
  order: { keyId: string; orderId: string; amountMinor: number; currency: string },
  description: string,
): Promise<"paid" | "dismissed"> {
  await loadCheckout();
  const Checkout = window.Razorpay;
  if (Checkout === undefined) {
    throw new Error("Razorpay Checkout is not available");
  }
  return new Promise((resolve) => {
    new Checkout({
      key: order.keyId,
      order_id: order.orderId,
      amount: order.amountMinor,
      currency: order.currency,
      name: "Illajwala",
      description,
      handler: () => resolve("paid"),
      modal: { ondismiss: () => resolve("dismissed") },
    }).open();
  });
}
